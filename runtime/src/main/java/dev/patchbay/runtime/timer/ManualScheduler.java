package dev.patchbay.runtime.timer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A scheduler and clock that move only when told to, so tests (yours too) see timer events without
 * sleeping.
 *
 * <p>{@link #advance(Duration)} moves the clock forward and runs every callback that falls due on
 * the way, each at its own due time, as a punctual scheduler thread would. {@link #stall(Duration)}
 * moves the clock without running anything, as if the scheduler thread had been blocked; the late
 * callbacks then run on the next {@link #runDue()} or {@code advance}. Callbacks run on the thread
 * that calls {@code advance} or {@code runDue}. The clock starts at zero. Thread-safe.
 */
public final class ManualScheduler implements TimerScheduler, TimeSource {

  private final Object lock = new Object();
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long now;
  private long sequence;

  private ManualScheduler() {}

  /**
   * Creates a manual scheduler whose clock reads zero.
   *
   * @return a new manual scheduler
   */
  public static ManualScheduler create() {
    return new ManualScheduler();
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    requireNonNull(task, "task");
    Entry entry;
    synchronized (lock) {
      entry = new Entry(now + Math.max(0, delayNanos), sequence++, task);
      queue.add(entry);
    }
    return () -> {
      synchronized (lock) {
        queue.remove(entry);
      }
    };
  }

  @Override
  public TimeSource timeSource() {
    return this;
  }

  @Override
  public long nanoTime() {
    synchronized (lock) {
      return now;
    }
  }

  /**
   * Moves the clock forward by {@code amount}, running each callback that falls due at its due time,
   * including callbacks those callbacks schedule within the window.
   *
   * @param amount how far to move the clock; must not be negative
   * @return the number of callbacks run
   * @throws IllegalArgumentException if {@code amount} is negative
   * @throws NullPointerException if {@code amount} is null
   */
  public int advance(Duration amount) {
    long target;
    synchronized (lock) {
      target = now + nonNegativeNanos(amount);
    }
    int ran = 0;
    while (true) {
      Entry next;
      synchronized (lock) {
        next = queue.peek();
        if (next == null || next.due > target) {
          now = target;
          return ran;
        }
        queue.poll();
        // Never let the clock go backwards: a callback stalled past its due time runs at "now".
        now = Math.max(now, next.due);
      }
      // Outside the lock: the callback may schedule more callbacks or read the clock.
      next.task.run();
      ran++;
    }
  }

  /**
   * Moves the clock forward by {@code amount} without running anything, as if the scheduler thread
   * had stalled; the overdue callbacks run late on the next {@link #runDue()} or {@link
   * #advance(Duration)}.
   *
   * @param amount how far to move the clock; must not be negative
   * @throws IllegalArgumentException if {@code amount} is negative
   * @throws NullPointerException if {@code amount} is null
   */
  public void stall(Duration amount) {
    synchronized (lock) {
      now += nonNegativeNanos(amount);
    }
  }

  /**
   * Runs every callback that is due now, without moving the clock.
   *
   * @return the number of callbacks run
   */
  public int runDue() {
    return advance(Duration.ZERO);
  }

  /**
   * Counts the callbacks scheduled and not yet run or cancelled.
   *
   * @return the number of pending callbacks
   */
  public int pendingCount() {
    synchronized (lock) {
      return queue.size();
    }
  }

  private static long nonNegativeNanos(Duration amount) {
    requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException(
          "A manual clock only moves forward, but was asked to move by " + amount);
    }
    return amount.toNanos();
  }

  /** A pending callback, ordered by due time and then by scheduling order. */
  private static final class Entry implements Comparable<Entry> {
    final long due;
    final long sequence;
    final Runnable task;

    Entry(long due, long sequence, Runnable task) {
      this.due = due;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public int compareTo(Entry other) {
      int byDue = Long.compare(due, other.due);
      return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
  }
}
