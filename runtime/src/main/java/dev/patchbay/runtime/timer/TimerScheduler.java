package dev.patchbay.runtime.timer;

/**
 * Runs callbacks after a delay measured on its {@link #timeSource()}; replaceable in tests by
 * {@link ManualScheduler}.
 *
 * <p>Timers and spinners schedule one callback at a time, so a single thread can serve thousands of
 * them; callbacks must be short and must not block.
 */
public interface TimerScheduler {

  /**
   * Schedules {@code task} to run once, {@code delayNanos} after now on this scheduler's clock.
   *
   * @param task the callback; it should be short and not block
   * @param delayNanos the delay in nanoseconds; zero or negative means as soon as possible
   * @return a handle that cancels the callback if it has not run yet
   * @throws NullPointerException if {@code task} is null
   */
  Cancellable schedule(Runnable task, long delayNanos);

  /**
   * The clock this scheduler measures delays on.
   *
   * @return the scheduler's time source
   */
  TimeSource timeSource();

  /**
   * The process-wide default scheduler: one daemon thread named {@code patchbay-timer}, shared by
   * every timer and spinner that is not given another scheduler, on the system clock.
   *
   * @return the shared scheduler, created on first use
   */
  static TimerScheduler shared() {
    return SharedTimerScheduler.INSTANCE;
  }

  /** A scheduled callback that can still be called off. */
  @FunctionalInterface
  interface Cancellable {

    /** Prevents the callback from running if it has not started yet; does nothing otherwise. */
    void cancel();
  }
}
