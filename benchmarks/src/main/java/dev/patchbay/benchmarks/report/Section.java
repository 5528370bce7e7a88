package dev.patchbay.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One comparison of the report: what was measured, a table, the targets and a chart.
 *
 * <p>Mutable while a suite fills it, then handed to {@link MarkdownReport}.
 */
public final class Section {
  private final String title;
  private final String what;
  private List<String> headers = List.of();
  private final List<List<String>> rows = new ArrayList<>();
  private final List<Verdict> verdicts = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String chartFile;
  private final List<String> headlines = new ArrayList<>();

  /**
   * Starts a section.
   *
   * @param title the heading
   * @param what one paragraph saying what exactly was timed and how
   */
  public Section(String title, String what) {
    this.title = title;
    this.what = what;
  }

  /**
   * Sets the table's column headers.
   *
   * @param headers column names
   * @return this
   */
  public Section headers(String... headers) {
    this.headers = List.of(headers);
    return this;
  }

  /**
   * Adds a table row.
   *
   * @param cells one cell per header
   * @return this
   */
  public Section row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  /**
   * Adds a target and whether this run met it.
   *
   * @param verdict the verdict
   * @return this
   */
  public Section verdict(Verdict verdict) {
    verdicts.add(verdict);
    return this;
  }

  /**
   * Adds a note printed under the table.
   *
   * @param note one line of Markdown
   * @return this
   */
  public Section note(String note) {
    notes.add(note);
    return this;
  }

  /**
   * Names the chart of this section.
   *
   * @param fileName PNG file name inside docs/benchmarks/
   * @return this
   */
  public Section chart(String fileName) {
    this.chartFile = fileName;
    return this;
  }

  /**
   * Adds a one-line headline figure for the README.
   *
   * @param line one line of Markdown, without the leading dash
   * @return this
   */
  public Section headline(String line) {
    headlines.add(line);
    return this;
  }

  List<String> headlines() {
    return headlines;
  }

  /**
   * The heading.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  String what() {
    return what;
  }

  List<String> headers() {
    return headers;
  }

  List<List<String>> rows() {
    return rows;
  }

  /**
   * The verdicts added so far.
   *
   * @return the verdicts
   */
  public List<Verdict> verdicts() {
    return verdicts;
  }

  List<String> notes() {
    return notes;
  }

  String chartFile() {
    return chartFile;
  }
}
