package dev.patchbay.benchmarks.state;

import dev.patchbay.benchmarks.harness.Mode;
import dev.patchbay.benchmarks.harness.Summary;
import dev.patchbay.benchmarks.harness.Toolchain;
import dev.patchbay.benchmarks.jmh.JmhRun;
import dev.patchbay.benchmarks.report.Charts;
import dev.patchbay.benchmarks.report.Format;
import dev.patchbay.benchmarks.report.Section;
import dev.patchbay.benchmarks.report.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@link SharedStateContention} under JMH and reports throughput ratios. */
public final class SharedStateSuite {
  private static final String[][] ROWS = {
      {"sharedStateOwnKey", "Patchbay SharedState.update", "own key"},
      {"lockedMapOwnKey", "HashMap + one lock", "own key"},
      {"concurrentMapOwnKey", "ConcurrentHashMap.compute", "own key"},
      {"sharedStateSameKey", "Patchbay SharedState.update", "same key"},
      {"lockedMapSameKey", "HashMap + one lock", "same key"},
      {"concurrentMapSameKey", "ConcurrentHashMap.compute", "same key"},
      {"sharedStateAlone", "Patchbay SharedState.update", "one thread alone"},
      {"lockedMapAlone", "HashMap + one lock", "one thread alone"},
      {"atomicReferenceSameKey", "bare AtomicReference.updateAndGet (CAS loop, no back-off)", "same key"},
      {"atomicLongOwnKey", "bare AtomicLong.incrementAndGet (parallel ceiling)", "own key"},
      {"atomicLongSameKey", "bare AtomicLong.incrementAndGet (hardware ceiling)", "same key"},
      {"atomicLongAlone", "bare AtomicLong.incrementAndGet", "one thread alone"}};

  /**
   * Warm-up iterations at least: two benchmark threads keep both cores busy, so the JIT
   * compiler's thread gets little time and the update path may still run unoptimised after two
   * seconds (seen here: a first measured iteration at a third of the later ones).
   */
  private static final int WARMUPS = 5;

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work working directory
   * @param mode JMH budget
   * @param charts directory receiving the PNG chart
   */
  public SharedStateSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work;
    this.mode = mode;
    this.charts = charts;
  }

  /**
   * Runs the benchmark and reports.
   *
   * @return the shared-state section
   * @throws IOException when JMH cannot start or the chart cannot be written
   * @throws InterruptedException when interrupted
   */
  public List<Section> run() throws IOException, InterruptedException {
    Map<String, JmhRun.Scores> scores = JmhRun.run(tc.java(), tc.fullClasspath(), work, mode,
        SharedStateContention.class.getName(), Math.max(mode.jmhWarmups(), WARMUPS));
    Section s = new Section("Shared state under contention (2 threads)",
        "JMH throughput of single-key updates (increment a `Long`) by 2 threads at once "
        + "(`@Threads(2)`), " + mode.jmhForks() + " fork(s), "
        + Math.max(mode.jmhWarmups(), WARMUPS) + " warm-up and "
        + mode.jmhIterations() + " measured iterations of " + mode.jmhSeconds() + " s, heap "
        + JmhRun.HEAP.replace("g", " GB") + "; each figure is the median of the measured "
        + "iterations (total of both threads). \"Own key\": "
        + "each thread updates its own key of the one shared state (two workers, two counters). "
        + "\"Same key\": both update one key. The lock is the textbook approach: one lock "
        + "around a `HashMap`, read then write.");
    Map<String, Summary> figures = new LinkedHashMap<>();
    for (String[] row : ROWS) {
      JmhRun.Scores sc = scores.get(SharedStateContention.class.getName() + "." + row[0]);
      if (sc != null) {
        figures.put(row[0], Summary.of(sc.scores()));
      }
    }
    s.headers("approach", "keys", "median", "min – max", "iterations", "× of the single lock");
    List<Charts.Bar> bars = new ArrayList<>();
    for (String[] row : ROWS) {
      Summary f = figures.get(row[0]);
      if (f == null) {
        s.note("**" + row[1] + " (" + row[2] + ") not measured**");
        continue;
      }
      Summary lock = figures.get(row[2].equals("own key") ? "lockedMapOwnKey"
          : row[2].equals("same key") ? "lockedMapSameKey" : "lockedMapAlone");
      s.row(row[1], row[2], Format.median(f, "ops/µs"), Format.range(f) + " ops/µs",
          String.valueOf(f.count()), lock == null ? "n/a" : Format.times(f.median() / lock.median()));
      bars.add(new Charts.Bar(row[1] + ", " + row[2], f.median(), f.min(), f.max(),
          row[0].startsWith("sharedState")));
    }
    verdict(s, figures, "sharedStateOwnKey", "lockedMapOwnKey",
        "≥ 3× the single-lock map (own key per thread)");
    Summary aloneRate = figures.get("sharedStateAlone");
    Summary lockSameKey = figures.get("lockedMapSameKey");
    // Updates of one key form a chain: each reads what the previous one wrote. With one
    // compare-and-set per update, two threads run that chain no faster than one thread running
    // it alone (they add the hand-over of the key's cache line), so one thread's rate bounds it.
    String sameKeyBound = aloneRate != null && lockSameKey != null
        && 3 * lockSameKey.median() > aloneRate.median()
        ? "Updates of one key form a chain, each reading what the previous one wrote; committed "
            + "by one compare-and-set each, as SharedState commits them, two threads run that "
            + "chain no faster than one thread alone: " + Format.median(aloneRate, "ops/µs")
            + " in this run, below the " + Format.num(3 * lockSameKey.median())
            + " ops/µs that 3× the lock needs. Out of reach for compare-and-set updates on one "
            + "key; the lock's own same-key rate moves a lot between runs (see its range)"
        : null;
    verdict(s, figures, "sharedStateSameKey", "lockedMapSameKey",
        "≥ 3× the single-lock map (both threads on one key)", sameKeyBound);
    Summary own = figures.get("sharedStateOwnKey");
    Summary lockOwn = figures.get("lockedMapOwnKey");
    Summary same = figures.get("sharedStateSameKey");
    Summary lockSame = figures.get("lockedMapSameKey");
    if (own != null && lockOwn != null && same != null && lockSame != null) {
      s.headline("Shared state, 2 threads: `SharedState.update` " + Format.median(own, "ops/µs")
          + " on own keys (" + Format.times(own.median() / lockOwn.median())
          + " a single-lock `HashMap`), " + Format.median(same, "ops/µs") + " on one key ("
          + Format.times(same.median() / lockSame.median()) + ").");
    }
    Summary alone = figures.get("sharedStateAlone");
    Summary parallel = figures.get("atomicLongOwnKey");
    Summary atomicAlone = figures.get("atomicLongAlone");
    if (parallel != null && atomicAlone != null) {
      s.note("Two threads on their own counters ran " + Format.times(parallel.median()
          / atomicAlone.median()) + " as fast as one thread alone (bare `AtomicLong`, 2.00× when "
          + "both cores are fully available). Own-key rows scale with this figure, which depends on "
          + "how the host schedules this machine's two virtual cores; it changes from run to run.");
    }
    if (alone != null && same != null) {
      s.note("On one key SharedState backs off briefly after losing a compare-and-set, so the "
          + "winner keeps the cache line for its next updates: " + Format.median(same, "ops/µs")
          + " against " + Format.median(alone, "ops/µs") + " for one thread alone, where a plain "
          + "retry loop (the `AtomicReference` row) loses most of its time moving the line.");
    }
    if (!bars.isEmpty()) {
      Charts.bars(charts.resolve("shared-state.png"),
          "Shared state, 2 threads updating (JMH, higher is better)", "million updates per second",
          bars, false);
      s.chart("shared-state.png");
    }
    return List.of(s);
  }

  private static void verdict(Section s, Map<String, Summary> f, String subject, String lock,
      String text) {
    verdict(s, f, subject, lock, text, null);
  }

  private static void verdict(Section s, Map<String, Summary> f, String subject, String lock,
      String text, String outOfReach) {
    if (f.get(subject) == null || f.get(lock) == null) {
      s.verdict(new Verdict(text, "not measured", false));
      return;
    }
    double r = f.get(subject).median() / f.get(lock).median();
    s.verdict(new Verdict(text, Format.times(r) + " of the lock", r >= 3.0, outOfReach));
  }
}
