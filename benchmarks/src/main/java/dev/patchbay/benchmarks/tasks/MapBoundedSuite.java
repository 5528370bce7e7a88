package dev.patchbay.benchmarks.tasks;

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
import java.util.List;

/**
 * {@code TaskScheduler.mapBounded} with 10,000 tasks that each block 10 ms at concurrency 1,000,
 * on JDK 17 (platform threads) and JDK 25 (virtual threads), against a fixed pool of 1,000
 * platform threads. The ideal is 10,000 × 10 ms / 1,000 = 100 ms.
 */
public final class MapBoundedSuite {
  private static final int TASKS = 10_000;
  private static final int SLEEP_MS = 10;
  private static final int CONCURRENCY = 1_000;
  private static final double IDEAL_MS = (double) TASKS * SLEEP_MS / CONCURRENCY;

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;

  /** One measured configuration. */
  private record Config(String label, String java, String approach, boolean target) {}

  /**
   * Creates the suite.
   *
   * @param tc JDKs and jars
   * @param work working directory
   * @param mode repetitions
   * @param charts directory receiving the PNG chart
   */
  public MapBoundedSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work;
    this.mode = mode;
    this.charts = charts;
  }

  /**
   * Runs every configuration in its own JVM and reports.
   *
   * @return the mapBounded section
   * @throws IOException when a JVM cannot start or the chart cannot be written
   * @throws InterruptedException when interrupted
   */
  public List<Section> run() throws IOException, InterruptedException {
    List<Config> configs = new ArrayList<>();
    configs.add(new Config("JDK 17 mapBounded, default scheduler (64 platform I/O threads)",
        tc.java(), "mapBounded", false));
    configs.add(new Config("JDK 17 mapBounded, ioThreads(1000) platform threads", tc.java(),
        "mapBounded-sized", false));
    configs.add(new Config("JDK 17 fixed pool of 1,000 platform threads", tc.java(), "fixed-pool",
        false));
    if (tc.java25() != null) {
      configs.add(new Config("JDK 25 mapBounded, default scheduler (virtual threads)",
          tc.java25(), "mapBounded", true));
      configs.add(new Config("JDK 25 fixed pool of 1,000 platform threads", tc.java25(),
          "fixed-pool", false));
    }
    Section s = new Section("mapBounded: 10,000 tasks blocking 10 ms, concurrency 1,000",
        "Each configuration runs in its own fresh JVM: one first run (which also creates the "
        + "threads), then " + mode.mapBoundedRuns() + " measured runs of the whole batch, timed "
        + "from the call to the last result. Each task is `Thread.sleep(10)`. Ideal: 10,000 × "
        + "10 ms / 1,000 = " + Format.num(IDEAL_MS) + " ms.");
    s.headers("configuration", "median", "min – max", "runs", "× of ideal", "first run");
    List<Charts.Bar> bars = new ArrayList<>();
    Summary target = null;
    for (Config c : configs) {
      List<String> command = List.of(c.java(), "-cp", tc.fullClasspath(),
          MapBoundedProbe.class.getName(), c.approach(), String.valueOf(TASKS),
          String.valueOf(SLEEP_MS), String.valueOf(CONCURRENCY),
          String.valueOf(mode.mapBoundedRuns()));
      Processes.Outcome out;
      try {
        out = Processes.run(command, work, Duration.ofMinutes(5)).orThrow();
      } catch (IllegalStateException e) {
        s.note("**" + c.label() + " not measured**: " + e.getMessage().lines().findFirst().orElse(""));
        continue;
      }
      List<Double> ms = new ArrayList<>();
      double first = Double.NaN;
      for (String line : out.stdout().lines().toList()) {
        if (line.startsWith("RUN ")) {
          String[] p = line.split(" ", -1);
          double value = Long.parseLong(p[2]) / 1e6;
          if (p[1].equals("0")) {
            first = value;
          } else {
            ms.add(value);
          }
        }
      }
      Summary f = Summary.of(ms);
      if (c.target()) {
        target = f;
      }
      s.row(c.label(), Format.median(f, "ms"), Format.range(f) + " ms", String.valueOf(f.count()),
          Format.times(f.median() / IDEAL_MS), Format.num(first) + " ms");
      bars.add(new Charts.Bar(c.label(), f.median(), f.min(), f.max(),
          c.approach().startsWith("mapBounded")));
    }
    if (target == null) {
      s.verdict(new Verdict("within 1.5× of the ideal 100 ms on JDK 25", "not measured", false));
    } else {
      double r = target.median() / IDEAL_MS;
      s.verdict(new Verdict("within 1.5× of the ideal 100 ms on JDK 25",
          Format.median(target, "ms") + " = " + Format.times(r), r <= 1.5));
      s.headline("`mapBounded` of 10,000 tasks blocking 10 ms at concurrency 1,000: "
          + Format.median(target, "ms") + " on JDK 25 (virtual threads; ideal 100 ms).");
    }
    if (!bars.isEmpty()) {
      Charts.bars(charts.resolve("map-bounded.png"),
          "mapBounded, 10,000 × 10 ms tasks, concurrency 1,000 (ideal 100 ms, lower is better)",
          "ms per batch", bars, true);
      s.chart("map-bounded.png");
    }
    return List.of(s);
  }
}
