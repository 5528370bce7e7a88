package dev.patchbay.runtime.timer;

/**
 * A monotonic clock reading nanoseconds, replaceable in tests.
 *
 * <p>Only differences between two readings are meaningful, as with {@link System#nanoTime()}.
 */
@FunctionalInterface
public interface TimeSource {

  /**
   * Reads the clock.
   *
   * @return the current reading in nanoseconds; only differences between readings mean anything
   */
  long nanoTime();

  /**
   * The system's monotonic clock, {@link System#nanoTime()}.
   *
   * @return a time source backed by {@code System.nanoTime()}
   */
  static TimeSource system() {
    return System::nanoTime;
  }
}
