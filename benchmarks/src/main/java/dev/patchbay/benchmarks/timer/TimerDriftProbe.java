package dev.patchbay.benchmarks.timer;

import dev.patchbay.runtime.timer.CountdownTimer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one periodic-tick approach for a while in its own JVM and prints each tick's lateness.
 *
 * <p>Usage: {@code TimerDriftProbe countdown|sleep-loop|fixed-rate <seconds> <periodMillis>};
 * prints {@code TICK <k> <latenessNanos>} where tick {@code k} was due {@code k × period} after
 * the start. Every approach does the same small work per tick (formats the remaining time, as a
 * countdown display would).
 */
public final class TimerDriftProbe {
  private static final StringBuilder SINK = new StringBuilder();

  private TimerDriftProbe() {}

  /**
   * Entry point.
   *
   * @param args approach, seconds, period in milliseconds
   * @throws Exception when interrupted
   */
  public static void main(String[] args) throws Exception {
    String approach = args[0];
    long seconds = Long.parseLong(args[1]);
    long periodMs = Long.parseLong(args[2]);
    int ticks = (int) (seconds * 1000 / periodMs);
    long[] lateness = new long[ticks + 1];
    long period = TimeUnit.MILLISECONDS.toNanos(periodMs);
    // Load and link the per-tick work before any clock starts, so no approach's first tick pays
    // for class loading that has nothing to do with timing.
    work(0);
    switch (approach) {
      case "countdown" -> countdown(seconds, periodMs, ticks, period, lateness);
      case "sleep-loop" -> sleepLoop(ticks, periodMs, period, lateness);
      case "fixed-rate" -> fixedRate(ticks, periodMs, period, lateness);
      default -> throw new IllegalArgumentException("unknown approach " + approach);
    }
    StringBuilder out = new StringBuilder();
    for (int k = 1; k <= ticks; k++) {
      out.append("TICK ").append(k).append(' ').append(lateness[k]).append('\n');
    }
    System.out.print(out);
    System.out.println("SINK " + SINK.length());
  }

  private static void work(long remainingMillis) {
    SINK.setLength(0);
    SINK.append(String.format(Locale.ROOT, "%6.1f s left", remainingMillis / 1000.0));
  }

  private static void countdown(long seconds, long periodMs, int ticks, long period,
      long[] lateness) throws InterruptedException {
    AtomicLong start = new AtomicLong();
    CountdownTimer timer = CountdownTimer.builder(Duration.ofSeconds(seconds))
        .tickEvery(Duration.ofMillis(periodMs))
        .onTick(tick -> {
          long now = System.nanoTime();
          lateness[(int) tick.tick()] = now - (start.get() + tick.tick() * period);
          work(tick.remaining().toMillis());
        })
        .onFinish(finish -> {
          // The finish takes the place of the last tick, due at the end of the countdown.
          lateness[ticks] = System.nanoTime() - (start.get() + ticks * period);
        })
        .build();
    start.set(System.nanoTime());
    timer.start();
    if (!timer.awaitFinish(Duration.ofSeconds(seconds + 30))) {
      throw new IllegalStateException("the countdown did not finish in time");
    }
  }

  /** The naive loop: do the tick's work, then sleep one period. */
  private static void sleepLoop(int ticks, long periodMs, long period, long[] lateness)
      throws InterruptedException {
    long start = System.nanoTime();
    for (int k = 1; k <= ticks; k++) {
      Thread.sleep(periodMs);
      lateness[k] = System.nanoTime() - (start + k * period);
      work((ticks - k) * periodMs);
    }
  }

  private static void fixedRate(int ticks, long periodMs, long period, long[] lateness)
      throws InterruptedException {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch done = new CountDownLatch(1);
    AtomicLong start = new AtomicLong();
    int[] k = {0};
    // The task is created before the clock starts: its lambda's first-use linkage is not timing.
    Runnable task = () -> {
      long now = System.nanoTime();
      int tick = ++k[0];
      if (tick <= ticks) {
        lateness[tick] = now - (start.get() + tick * period);
        work((ticks - tick) * periodMs);
      }
      if (tick >= ticks) {
        done.countDown();
      }
    };
    start.set(System.nanoTime());
    ScheduledFuture<?> job =
        executor.scheduleAtFixedRate(task, periodMs, periodMs, TimeUnit.MILLISECONDS);
    done.await();
    job.cancel(false);
    executor.shutdown();
  }
}
