package dev.patchbay.loader;

/**
 * Decides when a burst of folder events has ended: after {@code quiet} nanoseconds without an
 * event, or at the latest {@code MAX_WAIT_PERIODS} quiet periods after the burst began, so a folder
 * that never stops changing is still reloaded. Times are {@link System#nanoTime()} values passed
 * in, so tests drive it without a clock.
 */
final class Debounce {
  /** A burst longer than this many quiet periods reloads anyway. */
  static final int MAX_WAIT_PERIODS = 10;

  private final long quiet;
  private boolean pending;
  private long first;
  private long last;

  Debounce(long quietNanos) {
    this.quiet = quietNanos;
  }

  /** Records an event at {@code now}. */
  void event(long now) {
    if (!pending) {
      pending = true;
      first = now;
    }
    last = now;
  }

  /** Tells whether events are waiting for a reload. */
  boolean pending() {
    return pending;
  }

  /** Nanoseconds until the pending burst is due, 0 when due now; only when {@link #pending()}. */
  long remaining(long now) {
    // Differences, not comparisons of nanoTime values: nanoTime may wrap around.
    long untilQuiet = quiet - (now - last);
    long untilCap = quiet * MAX_WAIT_PERIODS - (now - first);
    return Math.max(0, Math.min(untilQuiet, untilCap));
  }

  /** Marks the burst as handled; the next event starts a new one. */
  void fired() {
    pending = false;
  }
}
