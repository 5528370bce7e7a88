package dev.patchbay.benchmarks.scraper;

import dev.patchbay.benchmarks.harness.Mode;
import dev.patchbay.benchmarks.harness.Processes;
import dev.patchbay.benchmarks.harness.Summary;
import dev.patchbay.benchmarks.harness.Toolchain;
import dev.patchbay.benchmarks.report.Charts;
import dev.patchbay.benchmarks.report.Format;
import dev.patchbay.benchmarks.report.Section;
import dev.patchbay.benchmarks.report.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scraping 10 offline pages with a 200 ms server delay: concurrent against one by one. */
public final class ScraperSuite {
  private static final int PAGES = 10;
  private static final int DELAY_MS = 200;
  private static final int[] CONCURRENCY = {1, 5, 10};

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work working directory
   * @param mode repetitions
   * @param charts directory receiving the PNG chart
   */
  public ScraperSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work;
    this.mode = mode;
    this.charts = charts;
  }

  /**
   * Runs the probe and reports speed-ups.
   *
   * @return the scraper section
   * @throws IOException when the JVM cannot start or the chart cannot be written
   * @throws InterruptedException when interrupted
   */
  public List<Section> run() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(tc.java(), "-cp", tc.fullClasspath(),
        ScraperProbe.class.getName(), String.valueOf(PAGES), String.valueOf(DELAY_MS),
        String.valueOf(mode.scraperRuns())));
    for (int c : CONCURRENCY) {
      command.add(String.valueOf(c));
    }
    Processes.Outcome out = Processes.run(command, work, Duration.ofMinutes(5)).orThrow();
    Map<Integer, List<Double>> ms = new LinkedHashMap<>();
    for (String line : out.stdout().lines().toList()) {
      if (line.startsWith("RUN ")) {
        String[] p = line.split(" ", -1);
        if (!p[2].equals("0")) {
          ms.computeIfAbsent(Integer.parseInt(p[1]), k -> new ArrayList<>())
              .add(Long.parseLong(p[3]) / 1e6);
        }
      }
    }
    Section s = new Section("Scraper: " + PAGES + " offline pages, " + DELAY_MS
        + " ms server delay",
        "An embedded `HttpServer` on 127.0.0.1 (written in the benchmark, 32 handler threads, "
        + "`TCP_NODELAY` on, so Nagle's algorithm and the client's 40 ms delayed ACK do not hold "
        + "back responses) "
        + "answers each page after " + DELAY_MS + " ms. The client (`java.net.http.HttpClient`, "
        + "HTTP/1.1) fetches the " + PAGES + " pages and extracts each title: one by one in a "
        + "plain loop, or through the runtime's `TaskScheduler.mapBounded(pages, fetch, "
        + "concurrency)` at concurrency 5 and 10. JDK 17, one JVM, modes interleaved, one "
        + "discarded warm-up pass, then " + mode.scraperRuns() + " measured passes each.");
    s.headers("mode", "median", "min – max", "passes", "speed-up", "target (0.8 × concurrency)");
    Summary serial = ms.containsKey(1) ? Summary.of(ms.get(1)) : null;
    List<Charts.Bar> bars = new ArrayList<>();
    for (int c : CONCURRENCY) {
      if (!ms.containsKey(c)) {
        continue;
      }
      Summary f = Summary.of(ms.get(c));
      double speedUp = serial == null ? Double.NaN : serial.median() / f.median();
      s.row(c == 1 ? "one by one" : "mapBounded, concurrency " + c, Format.median(f, "ms"),
          Format.range(f) + " ms", String.valueOf(f.count()),
          c == 1 ? "1×" : Format.times(speedUp), c == 1 ? "" : "≥ " + Format.times(0.8 * c));
      bars.add(new Charts.Bar(c == 1 ? "one by one" : "concurrency " + c, f.median(), f.min(),
          f.max(), c != 1));
      if (c == CONCURRENCY[CONCURRENCY.length - 1] && serial != null) {
        s.headline("Scraper, 10 offline pages with 200 ms server delay: " + Format.median(f, "ms")
            + " at concurrency " + c + " vs " + Format.median(serial, "ms") + " one by one ("
            + Format.times(speedUp) + ").");
      }
      if (c != 1) {
        s.verdict(new Verdict("speed-up ≥ 0.8 × concurrency (concurrency " + c + ": ≥ "
            + Format.times(0.8 * c) + ")", Format.times(speedUp), speedUp >= 0.8 * c));
      }
    }
    s.note("The server and pages are the benchmark's own, not the samples module's offline "
        + "quotes server, so this row does not depend on the samples build; the fetch loop is "
        + "the same `mapBounded` call the samples' scraper makes.");
    if (!bars.isEmpty()) {
      Charts.bars(charts.resolve("scraper.png"), "Scraper, 10 pages × 200 ms delay (lower is better)",
          "ms per pass", bars, false);
      s.chart("scraper.png");
    }
    return List.of(s);
  }
}
