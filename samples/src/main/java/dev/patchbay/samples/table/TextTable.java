package dev.patchbay.samples.table;

import java.util.ArrayList;
import java.util.List;

/** Formats a {@link Table} as aligned plain text for the console. */
public final class TextTable {
  private TextTable() {}

  /**
   * Formats {@code table} with a header, a rule under it, and columns padded to their widest
   * value; numbers are right-aligned, {@code null} shows as {@code NULL}.
   *
   * @param table the table to format
   * @return the lines, each ending with a line break
   */
  public static String format(Table table) {
    int columns = table.columns().size();
    int[] widths = new int[columns];
    boolean[] numeric = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      widths[c] = table.columns().get(c).length();
      numeric[c] = !table.isEmpty();
    }
    List<String[]> cells = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      String[] texts = new String[columns];
      for (int c = 0; c < columns; c++) {
        Object value = row.get(c);
        texts[c] = value == null ? "NULL" : String.valueOf(value).replaceAll("\\R", " ");
        widths[c] = Math.max(widths[c], texts[c].length());
        numeric[c] &= value instanceof Number;
      }
      cells.add(texts);
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, table.columns().toArray(String[]::new), widths, numeric);
    String[] rule = new String[columns];
    for (int c = 0; c < columns; c++) {
      rule[c] = "-".repeat(widths[c]);
    }
    appendLine(out, rule, widths, new boolean[columns]);
    for (String[] texts : cells) {
      appendLine(out, texts, widths, numeric);
    }
    out.append('(').append(table.rows().size()).append(table.rows().size() == 1 ? " row" : " rows")
        .append(")\n");
    return out.toString();
  }

  private static void appendLine(StringBuilder out, String[] texts, int[] widths, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < texts.length; c++) {
      if (c > 0) {
        line.append(" | ");
      }
      String padding = " ".repeat(widths[c] - texts[c].length());
      line.append(right[c] ? padding + texts[c] : texts[c] + padding);
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }
}
