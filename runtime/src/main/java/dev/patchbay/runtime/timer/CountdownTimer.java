package dev.patchbay.runtime.timer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A countdown that reports periodic ticks, labelled thresholds and its finish, without drift.
 *
 * <pre>{@code
 * CountdownTimer timer = CountdownTimer.builder(Duration.ofSeconds(10))
 *     .tickEvery(Duration.ofSeconds(1))
 *     .threshold(Duration.ofSeconds(3), "three seconds left")
 *     .onTick(tick -> System.out.println(tick.remaining()))
 *     .onThreshold(t -> System.out.println(t.label()))
 *     .onFinish(f -> System.out.println("done"))
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p><b>Deadlines.</b> Tick {@code k} is due at {@code start + k × interval}, measured on the
 * timer's clock; a late tick never shifts later ones. Ticks are due strictly before the end: the
 * finish event takes the place of a tick at the end.
 *
 * <p><b>Stalls.</b> When the scheduler thread is late by more than one interval, the ticks missed
 * meanwhile are coalesced into one {@link TickEvent} whose {@code missedTicks} says how many were
 * skipped, rather than delivered as a burst. Thresholds are never coalesced: each fires exactly once,
 * also when it falls between ticks or inside a stall. Finish fires once, after everything else.
 *
 * <p><b>Listeners</b> run on the scheduler thread, one event at a time, in due order. A listener that
 * throws is logged through {@link System.Logger} and passed to the {@linkplain Builder#onError error
 * handler}; the timer goes on.
 *
 * <p>Instances are thread-safe.
 */
public interface CountdownTimer {

  /**
   * Starts describing a countdown of {@code total}.
   *
   * @param total the length of the countdown; must be positive
   * @return a builder
   * @throws IllegalArgumentException if {@code total} is zero or negative
   * @throws NullPointerException if {@code total} is null
   */
  static Builder builder(Duration total) {
    return new Builder(total);
  }

  /**
   * Starts the countdown now, on the timer's clock.
   *
   * @return this timer, for chaining after {@code build()}
   * @throws IllegalStateException if the timer was already started or cancelled
   */
  CountdownTimer start();

  /**
   * Stops the countdown: no event starts after this returns (one already being delivered on the
   * scheduler thread completes), and {@link #awaitFinish(Duration)} returns false at once. Calling it
   * again, or after the finish, does nothing.
   */
  void cancel();

  /**
   * Time left: the total before start, zero once finished, frozen at its last value once cancelled.
   *
   * @return the remaining time, never negative
   */
  Duration remaining();

  /**
   * Tells whether the countdown ran out; true from the moment its finish event is being delivered
   * (use {@link #awaitFinish(Duration)} to wait until the finish listener has returned).
   *
   * @return true once finished; false while running, before start and after a cancel
   */
  boolean isFinished();

  /**
   * Tells whether {@link #cancel()} stopped the countdown before it finished.
   *
   * @return true if cancelled before finishing
   */
  boolean isCancelled();

  /**
   * Consumes one pending event, for main loops that poll like an Arduino interrupt flag.
   *
   * <p>Counts, not a flag: each fired event (tick, threshold or finish) adds one, and each call that
   * returns true takes one away, so three events fired since the last poll make the next three calls
   * return true. A loop of {@code if (timer.pollInterrupt()) ...} thus misses no event, however
   * slowly it polls.
   *
   * @return true if an event fired that no earlier call consumed
   */
  boolean pollInterrupt();

  /**
   * Waits until the countdown finishes, is cancelled, or {@code timeout} passes on the real clock.
   *
   * @param timeout the longest real time to wait
   * @return true if the timer finished (its finish listener has returned); false on timeout or cancel
   * @throws InterruptedException if the waiting thread is interrupted
   * @throws NullPointerException if {@code timeout} is null
   */
  boolean awaitFinish(Duration timeout) throws InterruptedException;

  /** Describes a {@link CountdownTimer}; not thread-safe, and reusable for several timers. */
  final class Builder {
    final Duration total;
    Duration tickInterval;
    final List<DefaultCountdownTimer.Threshold> thresholds = new ArrayList<>();
    Consumer<? super TickEvent> onTick = event -> {};
    Consumer<? super ThresholdEvent> onThreshold = event -> {};
    Consumer<? super FinishEvent> onFinish = event -> {};
    BiConsumer<? super TimerEvent, ? super Throwable> onError = (event, error) -> {};
    TimerScheduler scheduler;
    TimeSource clock;

    private Builder(Duration total) {
      requireNonNull(total, "total");
      if (total.isNegative() || total.isZero()) {
        throw new IllegalArgumentException(
            "A countdown needs a positive total, but got " + total + "; pass e.g. Duration.ofSeconds(10)");
      }
      this.total = total;
    }

    /**
     * Fires a {@link TickEvent} every {@code interval}, due at {@code start + k × interval}.
     *
     * @param interval the tick period; must be positive
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     * @throws NullPointerException if {@code interval} is null
     */
    public Builder tickEvery(Duration interval) {
      requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(
            "tickEvery needs a positive interval, but got " + interval);
      }
      this.tickInterval = interval;
      return this;
    }

    /**
     * Fires a {@link ThresholdEvent} labelled {@code label} once, when {@code remaining} is left;
     * may be called any number of times.
     *
     * @param remaining the time left at which to fire; from zero up to the total
     * @param label a label that the event carries
     * @return this builder
     * @throws IllegalArgumentException if {@code remaining} is negative or longer than the total
     * @throws NullPointerException if an argument is null
     */
    public Builder threshold(Duration remaining, String label) {
      requireNonNull(remaining, "remaining");
      requireNonNull(label, "label");
      if (remaining.isNegative() || remaining.compareTo(total) > 0) {
        throw new IllegalArgumentException(
            "Threshold '" + label + "' at " + remaining + " remaining lies outside the countdown of "
                + total + "; use a remaining time between zero and the total");
      }
      thresholds.add(new DefaultCountdownTimer.Threshold(remaining, label));
      return this;
    }

    /**
     * Sets the listener for ticks, replacing any earlier one.
     *
     * @param listener called with each (possibly coalesced) tick on the scheduler thread
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder onTick(Consumer<? super TickEvent> listener) {
      this.onTick = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the listener for thresholds, replacing any earlier one.
     *
     * @param listener called once per threshold on the scheduler thread
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder onThreshold(Consumer<? super ThresholdEvent> listener) {
      this.onThreshold = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the listener for the finish, replacing any earlier one.
     *
     * @param listener called once when the countdown runs out, on the scheduler thread
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder onFinish(Consumer<? super FinishEvent> listener) {
      this.onFinish = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets what to do with an exception thrown by a listener, in addition to logging it; the timer
     * goes on either way.
     *
     * @param handler called with the event and the listener's exception
     * @return this builder
     * @throws NullPointerException if {@code handler} is null
     */
    public Builder onError(BiConsumer<? super TimerEvent, ? super Throwable> handler) {
      this.onError = requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Runs the timer on {@code scheduler} instead of {@link TimerScheduler#shared()}; its clock
     * becomes the timer's clock unless {@link #clock(TimeSource)} says otherwise.
     *
     * @param scheduler the scheduler, e.g. a {@link ManualScheduler} in tests
     * @return this builder
     * @throws NullPointerException if {@code scheduler} is null
     */
    public Builder scheduler(TimerScheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Measures deadlines on {@code clock} instead of the scheduler's clock.
     *
     * @param clock the clock deadlines are measured on
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(TimeSource clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Creates a timer that has not started yet.
     *
     * @return a new timer; call {@link CountdownTimer#start()} to run it
     */
    public CountdownTimer build() {
      return new DefaultCountdownTimer(this);
    }
  }
}
