package dev.patchbay.benchmarks.harness;

import dev.patchbay.benchmarks.cluster.ClusterSuite;
import dev.patchbay.benchmarks.cold.ColdStartSuite;
import dev.patchbay.benchmarks.compile.CompileCostSuite;
import dev.patchbay.benchmarks.compile.IncrementalCompileSuite;
import dev.patchbay.benchmarks.jmh.WarmCreateSuite;
import dev.patchbay.benchmarks.loader.PluginFolderSuite;
import dev.patchbay.benchmarks.scraper.ScraperSuite;
import dev.patchbay.benchmarks.state.SharedStateSuite;
import dev.patchbay.benchmarks.tasks.MapBoundedSuite;
import dev.patchbay.benchmarks.timer.TimerDriftSuite;
import dev.patchbay.benchmarks.report.MarkdownReport;
import dev.patchbay.benchmarks.report.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs every comparison and writes docs/benchmarks.md with one PNG per comparison.
 *
 * <p>Usage: {@code BenchmarkMain quick|full [--only cold,compile,...] [--tiny N]}, started by
 * {@code benchmarks/run.sh}, which passes the resolved class path file and the JDK 25 home as
 * system properties {@code patchbay.classpath} and {@code patchbay.jdk25}.
 */
public final class BenchmarkMain {
  /** Every suite, in report order. */
  static final List<String> SUITES =
      List.of("cold", "warm", "compile", "incremental", "timer", "state", "mapbounded", "scraper",
          "loader", "cluster");

  private BenchmarkMain() {}

  /**
   * Entry point.
   *
   * @param args the mode, then options
   * @throws Exception when a suite cannot run at all
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: BenchmarkMain quick|full [--only suite,...] [--tiny plugins]"
          + " [--docs dir]; suites: " + String.join(",", SUITES));
      System.exit(2);
    }
    Mode mode = Mode.named(args[0]);
    Set<String> only = Set.copyOf(SUITES);
    Path docs = Path.of("docs");
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--only" -> only = Set.copyOf(Arrays.asList(args[++i].split(",")));
        case "--tiny" -> mode = mode.tiny(Integer.parseInt(args[++i]));
        case "--docs" -> docs = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path work = Path.of(System.getProperty("patchbay.work", "benchmarks/results")).toAbsolutePath();
    Files.createDirectories(work);
    String jdk25 = System.getProperty("patchbay.jdk25", "");
    Toolchain tc = new Toolchain(Path.of(System.getProperty("java.home")),
        jdk25.isBlank() || !Files.isExecutable(Path.of(jdk25, "bin/java")) ? null : Path.of(jdk25),
        Path.of(System.getProperty("patchbay.classpath", "benchmarks/target/classpath.txt")),
        Path.of(System.getProperty("patchbay.classes", "benchmarks/target/classes"))
            .toAbsolutePath());
    Path charts = docs.resolve("benchmarks");
    Instant started = Instant.now();
    String loadBefore = Machine.loadAverage();
    long t0 = System.nanoTime();

    List<Section> sections = new ArrayList<>();
    for (String suite : SUITES) {
      if (!only.contains(suite)) {
        continue;
      }
      long s0 = System.nanoTime();
      System.out.println("== " + suite + " (load average " + Machine.loadAverage() + ")");
      try {
        sections.addAll(runSuite(suite, tc, work, mode, charts));
      } catch (Exception | Error e) {
        // One broken suite must not cost the report of the others; say what broke instead.
        e.printStackTrace();
        sections.add(new Section(suite + ": not measured",
            "The " + suite + " suite failed in this run: `" + e.toString().replace('\n', ' ')
            + "`"));
      }
      System.out.printf(Locale.ROOT, "== %s took %.0f s%n", suite, (System.nanoTime() - s0) / 1e9);
    }
    long seconds = Math.round((System.nanoTime() - t0) / 1e9);
    List<String> header = List.of(
        "Regenerate with `benchmarks/run.sh " + mode.name().split(" ", -1)[0] + "` (this run: `"
            + mode.name() + "` mode, " + System.getProperty("patchbay.buildSeconds", "?")
            + " s of building and " + seconds + " s of measuring, started "
            + started.truncatedTo(ChronoUnit.SECONDS) + ").",
        "",
        "| machine | |",
        "|---|---|",
        "| CPU | " + Machine.cpu() + " |",
        "| memory | " + Machine.memory() + " |",
        "| OS | " + Machine.os() + " |",
        "| JDK (default, all rows unless stated) | " + Toolchain.versionOf(tc.java()) + " |",
        "| JDK 25 (mapBounded row) | "
            + (tc.java25() == null ? "not installed" : Toolchain.versionOf(tc.java25())) + " |",
        "| load average (1/5/15 min) before → after | " + loadBefore + " → "
            + Machine.loadAverage() + " |",
        "",
        "Figures are medians with min – max over repeated fresh processes or iterations; ratios "
            + "divide medians. The machine was shared with other work while measuring "
            + "(see the load average), which widens the ranges; medians are robust to it, "
            + "maxima are not.");
    MarkdownReport.write(docs.resolve("benchmarks.md"), header, sections);
    MarkdownReport.writeReadme(docs.resolve("guide/benchmarks.md"), "`" + mode.name()
        + "` run of " + started.truncatedTo(ChronoUnit.MINUTES) + ", " + Machine.cpu()
        + ", JDK " + Runtime.version().feature() + ", machine load average " + loadBefore
        + " at the start", sections);
    System.out.println("wrote " + docs.resolve("benchmarks.md") + " in " + seconds + " s");
  }

  private static List<Section> runSuite(String suite, Toolchain tc, Path work, Mode mode,
      Path charts) throws Exception {
    return switch (suite) {
      case "cold" -> new ColdStartSuite(tc, work, mode, charts).run();
      case "warm" -> new WarmCreateSuite(tc, work, mode, charts).run();
      case "compile" -> new CompileCostSuite(tc, work, mode, charts).run();
      case "incremental" -> new IncrementalCompileSuite(tc, work, mode).run();
      case "timer" -> new TimerDriftSuite(tc, work, mode, charts).run();
      case "state" -> new SharedStateSuite(tc, work, mode, charts).run();
      case "mapbounded" -> new MapBoundedSuite(tc, work, mode, charts).run();
      case "scraper" -> new ScraperSuite(tc, work, mode, charts).run();
      case "loader" -> new PluginFolderSuite(tc, work, mode, charts).run();
      case "cluster" -> new ClusterSuite(tc, work, mode, charts).run();
      default -> List.of();
    };
  }
}
