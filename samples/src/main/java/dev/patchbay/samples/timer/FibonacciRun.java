package dev.patchbay.samples.timer;

import dev.patchbay.runtime.state.Key;
import dev.patchbay.runtime.state.SharedState;
import dev.patchbay.runtime.state.Snapshot;
import dev.patchbay.runtime.timer.CountdownTimer;
import dev.patchbay.runtime.timer.FinishEvent;
import dev.patchbay.runtime.timer.ThresholdEvent;
import dev.patchbay.runtime.timer.TickEvent;
import dev.patchbay.runtime.timer.TimerScheduler;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Fibonacci main loop under a {@link CountdownTimer}: the loop computes ever larger Fibonacci
 * numbers with {@link BigInteger} until time is up, publishing its progress to a
 * {@link SharedState} that helper threads read.
 *
 * <p>In {@link Mode#POLL poll} mode the timer has no listeners; the loop, like an Arduino sketch
 * checking an interrupt flag, looks at the clock and prints whenever
 * {@link CountdownTimer#pollInterrupt()} says an event fired. In {@link Mode#CALLBACK callback}
 * mode the listeners print, on the timer's thread, and the loop only computes.
 */
final class FibonacciRun {

  /** Calculations done so far. */
  static final Key<Long> CALCULATIONS = Key.of("fib.calculations", Long.class);
  /** The index n of the latest Fibonacci number. */
  static final Key<Long> INDEX = Key.of("fib.index", Long.class);
  /** The latest Fibonacci number, fib(INDEX). */
  static final Key<BigInteger> RESULT = Key.of("fib.result", BigInteger.class);
  /** Calculations per second, as last measured by the performance monitor. */
  static final Key<Double> RATE = Key.of("fib.rate", Double.class);
  /** The latest message from the user-message thread. */
  static final Key<String> USER_MESSAGE = Key.of("user.message", String.class);

  /** How the loop learns about timer events. */
  enum Mode {
    /** The loop polls the timer's interrupt flag and prints. */
    POLL,
    /** The timer's listeners print. */
    CALLBACK
  }

  /**
   * What to run.
   *
   * @param total the countdown
   * @param interval time between ticks
   * @param mode poll or callback
   */
  record Settings(Duration total, Duration interval, Mode mode) {
    Settings {
      Objects.requireNonNull(total, "total");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(mode, "mode");
    }
  }

  /**
   * How the run ended.
   *
   * @param index n of the last Fibonacci number computed
   * @param result fib(n)
   * @param calculations how many additions the loop made
   * @param thresholds the threshold labels in the order they fired
   */
  record Outcome(long index, BigInteger result, long calculations, List<String> thresholds) {}

  // Publishing every addition would make the loop measure SharedState rather than BigInteger;
  // every 64th keeps the shared numbers fresh to well under a millisecond.
  private static final int PUBLISH_EVERY = 64;

  private final Settings settings;
  private final TimerScheduler scheduler;
  private final PrintWriter out;
  private final SharedState state;
  private final List<Threshold> thresholds;
  private int nextThreshold; // poll mode: the first threshold not yet announced (main loop only)
  private final List<String> thresholdsFired = new ArrayList<>();

  FibonacciRun(Settings settings, TimerScheduler scheduler, SharedState state, PrintWriter out) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.state = state;
    this.out = out;
    this.thresholds = thresholdsFor(settings.total());
  }

  /** Returns the thresholds for a countdown of {@code total}: half-time, 30 s, final countdown. */
  static List<Threshold> thresholdsFor(Duration total) {
    List<Threshold> thresholds = new ArrayList<>();
    Duration half = total.dividedBy(2);
    thresholds.add(new Threshold(half, "Half-time!"));
    Duration thirty = Duration.ofSeconds(30);
    // "30 seconds remaining" only means something in a countdown that is longer than that,
    // and it would just repeat half-time in a one-minute one.
    if (total.compareTo(thirty) > 0 && !half.equals(thirty)) {
      thresholds.add(new Threshold(thirty, "30 seconds remaining!"));
    }
    // The final countdown is the last 10 s, or the last fifth of a short countdown.
    Duration fifth = total.dividedBy(5);
    Duration finalStretch = fifth.compareTo(Duration.ofSeconds(10)) < 0 ? fifth : Duration.ofSeconds(10);
    thresholds.add(new Threshold(finalStretch, "Final countdown!"));
    thresholds.sort((a, b) -> b.remaining().compareTo(a.remaining()));
    return thresholds;
  }

  /** A threshold message and the time left when it is due. */
  record Threshold(Duration remaining, String label) {}

  /** Builds the timer this run is measured by; not started. */
  CountdownTimer buildTimer() {
    CountdownTimer.Builder builder = CountdownTimer.builder(settings.total())
        .tickEvery(settings.interval())
        .scheduler(scheduler);
    for (Threshold threshold : thresholds) {
      builder.threshold(threshold.remaining(), threshold.label());
    }
    if (settings.mode() == Mode.CALLBACK) {
      builder.onTick(this::printTick).onThreshold(this::printThreshold).onFinish(this::printFinish);
    }
    // In poll mode there are no listeners at all: the timer only counts events, and the loop reads
    // the clock itself when the flag is up, as an Arduino sketch reads millis() after an interrupt.
    return builder.build();
  }

  /** Runs the main loop on the calling thread until {@code timer} finishes. */
  Outcome run(CountdownTimer timer) {
    BigInteger previous = BigInteger.ZERO; // fib(n - 1)
    BigInteger current = BigInteger.ONE; // fib(n)
    long n = 1;
    long calculations = 0;
    publish(n, current, calculations);
    out.printf(Locale.ROOT, "Computing Fibonacci numbers for %s, a tick every %s (%s mode).%n",
        DurationConverter.format(settings.total()), DurationConverter.format(settings.interval()),
        settings.mode().name().toLowerCase(java.util.Locale.ROOT));
    timer.start();
    while (!timer.isFinished()) {
      BigInteger next = previous.add(current);
      previous = current;
      current = next;
      n++;
      calculations++;
      if (calculations % PUBLISH_EVERY == 0) {
        publish(n, current, calculations);
      }
      if (settings.mode() == Mode.POLL && timer.pollInterrupt()) {
        // Events that fired together (a tick and a threshold) get one report, not one each.
        while (timer.pollInterrupt()) {
          Thread.onSpinWait();
        }
        publish(n, current, calculations);
        if (!timer.isFinished()) {
          onInterrupt(timer, false);
        }
      }
      if (timer.isCancelled()) {
        break;
      }
    }
    publish(n, current, calculations);
    if (settings.mode() == Mode.POLL) {
      onInterrupt(timer, true); // thresholds due at the very end, and the finish
    }
    out.printf(Locale.ROOT, "Final result after %,d calculations: %s%n", calculations, describe(n, current));
    synchronized (thresholdsFired) {
      return new Outcome(n, current, calculations, List.copyOf(thresholdsFired));
    }
  }

  private void publish(long n, BigInteger value, long calculations) {
    // One atomic update, so a reader's snapshot never pairs an index with another index's value.
    state.updateAll(m -> {
      m.set(INDEX, n);
      m.set(RESULT, value);
      m.set(CALCULATIONS, calculations);
    });
  }

  /** What the poll-mode loop does when the interrupt flag is up: announce, then report progress. */
  private void onInterrupt(CountdownTimer timer, boolean finished) {
    Duration remaining = finished ? Duration.ZERO : timer.remaining();
    while (nextThreshold < thresholds.size() && thresholds.get(nextThreshold).remaining().compareTo(remaining) >= 0) {
      Threshold due = thresholds.get(nextThreshold++);
      synchronized (thresholdsFired) {
        thresholdsFired.add(due.label());
      }
      out.println(">> " + due.label() + " (" + DurationConverter.format(due.remaining()) + " left)");
    }
    if (finished) {
      out.println(">> Time's up!");
      return;
    }
    Snapshot s = state.snapshot();
    String message = s.getOrDefault(USER_MESSAGE, null);
    out.printf(Locale.ROOT, "[poll] %s left; latest %s%s%n", DurationConverter.format(remaining),
        describe(s.get(INDEX), s.get(RESULT)), message == null ? "" : "; user says: " + message);
  }

  private String tickNote(TickEvent tick) {
    Snapshot s = state.snapshot();
    String message = s.getOrDefault(USER_MESSAGE, null);
    return String.format(Locale.ROOT, "[tick %d] %s left; latest %s%s", tick.tick(), DurationConverter.format(tick.remaining()),
        describe(s.get(INDEX), s.get(RESULT)), message == null ? "" : "; user says: " + message);
  }

  private void printTick(TickEvent tick) {
    out.println(tickNote(tick));
  }

  private void printThreshold(ThresholdEvent t) {
    recordThreshold(t);
    out.println(">> " + t.label() + " (" + DurationConverter.format(t.threshold()) + " left)");
  }

  private void printFinish(FinishEvent f) {
    out.println(">> Time's up!");
  }

  private void recordThreshold(ThresholdEvent t) {
    synchronized (thresholdsFired) {
      thresholdsFired.add(t.label());
    }
  }

  private static final BigInteger HUNDRED_MILLION = BigInteger.valueOf(100_000_000L);
  private static final double LOG10_2 = Math.log10(2);

  /** Describes fib(n) briefly: its leading and last digits and its length, not all of it. */
  static String describe(long n, BigInteger value) {
    if (value.bitLength() < 80) {
      return String.format(Locale.ROOT, "fib(%,d) = %s", n, value);
    }
    // Printing every digit costs more than the additions; the logarithm from the top 63 bits gives
    // the length and leading digits, and a remainder gives the last ones, in microseconds.
    int shift = value.bitLength() - 63;
    double log10 = Math.log10(value.shiftRight(shift).doubleValue()) + shift * LOG10_2;
    long digits = (long) Math.floor(log10) + 1;
    long leading = (long) Math.pow(10, log10 - Math.floor(log10) + 7);
    return String.format(Locale.ROOT, "fib(%,d) = %d...%08d (%,d digits)", n, leading, value.mod(HUNDRED_MILLION), digits);
  }
}
