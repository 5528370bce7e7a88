package dev.patchbay.benchmarks.timer;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Timer drift: {@code CountdownTimer} against a sleep loop and
 * {@code ScheduledExecutorService.scheduleAtFixedRate}, each in its own JVM, all three at the
 * same time so they share the same machine load.
 */
public final class TimerDriftSuite {
  private static final long PERIOD_MS = 100;
  private static final Map<String, String> APPROACHES = new LinkedHashMap<>();

  static {
    APPROACHES.put("countdown", "Patchbay CountdownTimer");
    APPROACHES.put("sleep-loop", "sleep loop (work, then Thread.sleep(100))");
    APPROACHES.put("fixed-rate", "ScheduledExecutorService.scheduleAtFixedRate");
  }

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work working directory
   * @param mode how long the timers run
   * @param charts directory receiving the PNG chart
   */
  public TimerDriftSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work;
    this.mode = mode;
    this.charts = charts;
  }

  /**
   * Runs the three timers concurrently and reports lateness per tick.
   *
   * @return the timer-drift section
   * @throws IOException when the chart cannot be written
   */
  public List<Section> run() throws IOException {
    Map<String, CompletableFuture<Processes.Outcome>> running = new LinkedHashMap<>();
    for (String approach : APPROACHES.keySet()) {
      List<String> command = List.of(tc.java(), "-cp", tc.fullClasspath(),
          TimerDriftProbe.class.getName(), approach, String.valueOf(mode.timerSeconds()),
          String.valueOf(PERIOD_MS));
      running.put(approach, CompletableFuture.supplyAsync(() -> {
        try {
          return Processes.run(command, work, Duration.ofSeconds(mode.timerSeconds() + 120))
              .orThrow();
        } catch (IOException e) {
          throw new CompletionException(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CompletionException(e);
        }
      }));
    }
    int ticks = (int) (mode.timerSeconds() * 1000L / PERIOD_MS);
    Section s = new Section("Timer drift: " + mode.timerSeconds() + " s at " + PERIOD_MS
        + " ms ticks",
        "Each approach runs " + ticks + " ticks in its own JVM (JDK 17); the three JVMs run at "
        + "the same time, so they see the same machine load. Lateness of tick k = when its "
        + "listener ran minus (start + k × 100 ms), from `System.nanoTime()`. Every tick does "
        + "the same small work (formats the remaining time). For CountdownTimer the last tick is "
        + "its finish event, due at the end of the countdown. \"Drift growth\" is the median "
        + "lateness of the last 10% of ticks minus that of the first 10% (medians, so a single "
        + "tick delayed by a load spike does not count as drift); \"no growing drift\" means "
        + "a growth of at most 1 ms.");
    s.headers("approach", "median lateness", "p99", "max", "last tick", "drift growth",
        "ticks seen");
    List<Charts.Series> series = new ArrayList<>();
    Map<String, double[]> stats = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<Processes.Outcome>> e : running.entrySet()) {
      String label = APPROACHES.get(e.getKey());
      Processes.Outcome out;
      try {
        out = e.getValue().join();
      } catch (CompletionException ex) {
        s.note("**" + label + " not measured**: " + ex.getCause());
        continue;
      }
      double[] lateMs = new double[ticks + 1];
      boolean[] seen = new boolean[ticks + 1];
      for (String line : out.stdout().lines().toList()) {
        if (line.startsWith("TICK ")) {
          String[] p = line.split(" ", -1);
          int k = Integer.parseInt(p[1]);
          long nanos = Long.parseLong(p[2]);
          // A zero lateness is a tick coalesced into a later one (the timer was stalled).
          if (nanos != 0) {
            lateMs[k] = nanos / 1e6;
            seen[k] = true;
          }
        }
      }
      List<Double> values = new ArrayList<>();
      List<Double> xs = new ArrayList<>();
      for (int k = 1; k <= ticks; k++) {
        if (seen[k]) {
          values.add(lateMs[k]);
          xs.add(k * PERIOD_MS / 1000.0);
        }
      }
      if (values.isEmpty()) {
        s.note("**" + label + " not measured**: no ticks in its output");
        continue;
      }
      Summary sum = Summary.of(values);
      int tenth = Math.max(1, values.size() / 10);
      // Medians, so one tick delayed by a load spike is not mistaken for drift.
      double first = Summary.of(values.subList(0, tenth)).median();
      double last = Summary.of(values.subList(values.size() - tenth, values.size())).median();
      double lastTick = seen[ticks] ? lateMs[ticks] : Double.NaN;
      stats.put(e.getKey(), new double[] {lastTick, last - first});
      s.row(label, Format.num(sum.median()) + " ms", Format.num(sum.p99()) + " ms",
          Format.num(sum.max()) + " ms",
          Double.isNaN(lastTick) ? "missing" : Format.num(lastTick) + " ms",
          (last - first >= 0 ? "+" : "") + Format.num(last - first) + " ms",
          values.size() + " of " + ticks);
      double[] x = new double[xs.size()];
      double[] y = new double[values.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = xs.get(i);
        y[i] = values.get(i);
      }
      series.add(new Charts.Series(label, x, y));
    }
    double[] cd = stats.get("countdown");
    if (cd == null) {
      s.verdict(new Verdict("no growing drift", "not measured", false));
      s.verdict(new Verdict("last tick ≤ 5 ms late", "not measured", false));
    } else {
      s.verdict(new Verdict("no growing drift", "drift growth " + Format.num(cd[1]) + " ms over "
          + mode.timerSeconds() + " s", cd[1] <= 1.0));
      s.verdict(new Verdict("last tick ≤ 5 ms late", Format.num(cd[0]) + " ms", cd[0] <= 5.0));
    }
    double[] sl = stats.get("sleep-loop");
    if (sl != null) {
      s.note("The sleep loop's last tick was " + Format.num(sl[0]) + " ms late: each "
          + "`Thread.sleep` overshoots a little and the work's time adds to every period, so its "
          + "lateness only grows.");
    }
    double[] fr = stats.get("fixed-rate");
    if (cd != null && sl != null && fr != null) {
      s.headline("Timer drift over " + mode.timerSeconds() + " s of 100 ms ticks: the last "
          + "`CountdownTimer` tick " + Format.num(cd[0]) + " ms late, a `Thread.sleep` loop's "
          + Format.num(sl[0]) + " ms, `scheduleAtFixedRate`'s " + Format.num(fr[0]) + " ms.");
    }
    if (mode.timerSeconds() != 60) {
      s.note("**This run shortened the timers to " + mode.timerSeconds() + " s** to fit the "
          + "quick budget; the issue asks for 60 s, which `benchmarks/run.sh full` runs.");
    }
    if (!series.isEmpty()) {
      Charts.lines(charts.resolve("timer-drift.png"), "Timer drift: lateness of each 100 ms tick",
          "seconds since start", "lateness (ms)", series);
      s.chart("timer-drift.png");
    }
    return List.of(s);
  }

}
