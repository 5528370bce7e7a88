package dev.patchbay.runtime.tasks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs blocking I/O work, CPU work, delayed and fixed-rate jobs, bounded batches and work queues,
 * and shuts all of it down gracefully.
 *
 * <pre>{@code
 * try (TaskScheduler tasks = TaskScheduler.create()) {
 *   List<ItemResult<String, Integer>> sizes =
 *       tasks.mapBounded(urls, url -> fetch(url).length(), 4).join();
 * }
 * }</pre>
 *
 * <p><b>Pools.</b> I/O work runs on virtual threads when the JVM offers them (Java 21+) and on a
 * pool of platform threads otherwise; the choice is made once, at creation, by looking up {@code
 * Executors.newVirtualThreadPerTaskExecutor} through a method handle, so one jar compiled for Java
 * 17 serves both. CPU work runs on a fixed pool sized to the available processors. Pool threads are
 * daemons: call {@link #close()} to let work finish.
 *
 * <p><b>Futures.</b> The returned futures are {@link CompletableFuture}s whose {@code
 * cancel(true)} does interrupt the running task, unlike a plain {@code CompletableFuture}.
 *
 * <p><b>Failures</b> of a submitted task complete its future exceptionally. Failures no caller can
 * see (a fixed-rate run, a work-queue item) are logged through {@link System.Logger} and passed to
 * {@link Builder#onFailure}; the job or queue goes on.
 */
public interface TaskScheduler extends AutoCloseable {

  /**
   * Creates a scheduler with the default settings of {@link #builder()}.
   *
   * @return a new scheduler
   */
  static TaskScheduler create() {
    return builder().build();
  }

  /**
   * Starts describing a scheduler.
   *
   * @return a builder with the defaults: virtual threads where available, 64 platform I/O threads
   *     otherwise, one CPU thread per processor, a 5 second grace period
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Runs blocking work on the I/O pool.
   *
   * @param task the work
   * @param <T> the result type
   * @return a future of the result; {@code cancel(true)} interrupts the task
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   * @throws NullPointerException if {@code task} is null
   */
  <T> CompletableFuture<T> submit(Callable<T> task);

  /**
   * Runs blocking work on the I/O pool, interrupting it if it runs longer than {@code timeout}.
   *
   * <p>The timeout counts from the moment the task starts. When it passes, the future completes with
   * a {@link java.util.concurrent.TimeoutException} at once and the task's thread is interrupted, so
   * work that honours interrupts (sleeps, blocking I/O, {@code Thread.interrupted()} checks) stops.
   *
   * @param task the work
   * @param timeout the longest time the task may run
   * @param <T> the result type
   * @return a future of the result
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   * @throws NullPointerException if an argument is null
   */
  <T> CompletableFuture<T> submit(Callable<T> task, Duration timeout);

  /**
   * Runs computation on the CPU pool.
   *
   * @param task the computation; it should not block
   * @param <T> the result type
   * @return a future of the result; {@code cancel(true)} interrupts the task
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   * @throws NullPointerException if {@code task} is null
   */
  <T> CompletableFuture<T> submitCpu(Callable<T> task);

  /**
   * Runs {@code task} on the I/O pool after {@code delay}.
   *
   * @param task the work
   * @param delay how long to wait before starting it
   * @param <T> the result type
   * @return a future of the result; cancelling it before the delay passes means it never runs
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   * @throws NullPointerException if an argument is null
   */
  <T> CompletableFuture<T> schedule(Callable<T> task, Duration delay);

  /**
   * Runs {@code job} on the I/O pool every {@code period}, starting after {@code initialDelay}.
   *
   * <p>Runs are due at fixed times ({@code initialDelay + k × period}); a run still going when the
   * next is due makes that next run skip, so runs never overlap. A run that throws is logged and
   * reported to {@link Builder#onFailure}, and the schedule goes on, unlike {@link
   * java.util.concurrent.ScheduledExecutorService}, which silently stops a job after its first
   * failure.
   *
   * @param name names the job in logs and failure reports
   * @param initialDelay the delay before the first run
   * @param period the time between the starts of two runs; must be positive
   * @param job the work
   * @return a handle to cancel the job and read its counters
   * @throws IllegalArgumentException if {@code period} is not positive or {@code initialDelay} is negative
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   * @throws NullPointerException if an argument is null
   */
  ScheduledJob scheduleAtFixedRate(String name, Duration initialDelay, Duration period, CheckedRunnable job);

  /**
   * Applies {@code function} to every item on the I/O pool, at most {@code maxConcurrency} at a
   * time, and collects each item's own outcome in input order.
   *
   * <p>One item's failure does not affect the others. Cancelling the returned future cancels the
   * whole batch: items not started never start and running ones are interrupted.
   *
   * @param items the inputs
   * @param function applied to each item; may block
   * @param maxConcurrency the most items in progress at any moment; at least 1
   * @param <T> the item type
   * @param <R> the result type
   * @return a future of one result per item, in the order of {@code items}
   * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   * @throws NullPointerException if an argument or an item is null
   */
  <T, R> CompletableFuture<List<ItemResult<T, R>>> mapBounded(
      Collection<? extends T> items, CheckedFunction<? super T, ? extends R> function, int maxConcurrency);

  /**
   * Like {@link #mapBounded(Collection, CheckedFunction, int)}, and interrupts any item that runs
   * longer than {@code itemTimeout}; that item's result is a failure with a {@link
   * java.util.concurrent.TimeoutException}, and its worker goes on with the next item.
   *
   * @param items the inputs
   * @param function applied to each item; may block, and should honour interrupts
   * @param maxConcurrency the most items in progress at any moment; at least 1
   * @param itemTimeout the longest time one item may run; positive
   * @param <T> the item type
   * @param <R> the result type
   * @return a future of one result per item, in the order of {@code items}
   * @throws IllegalArgumentException if {@code maxConcurrency} is less than 1 or {@code itemTimeout} is not positive
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   * @throws NullPointerException if an argument or an item is null
   */
  <T, R> CompletableFuture<List<ItemResult<T, R>>> mapBounded(
      Collection<? extends T> items,
      CheckedFunction<? super T, ? extends R> function,
      int maxConcurrency,
      Duration itemTimeout);

  /**
   * Starts a bounded work queue with {@code consumers} consumers on the I/O pool.
   *
   * @param name names the queue in logs and failure reports
   * @param capacity the most items waiting at once; producers block beyond it
   * @param consumers how many items are handled concurrently; at least 1
   * @param handler handles one item
   * @param <T> the item type
   * @return the queue; close it to drain it and stop its consumers
   * @throws IllegalArgumentException if {@code capacity} or {@code consumers} is less than 1
   * @throws java.util.concurrent.RejectedExecutionException if the scheduler is shut down
   * @throws NullPointerException if an argument is null
   */
  <T> WorkQueue<T> workQueue(String name, int capacity, int consumers, CheckedConsumer<? super T> handler);

  /**
   * Tells whether the I/O pool runs on virtual threads.
   *
   * @return true on Java 21+ unless disabled in the builder
   */
  boolean usesVirtualThreads();

  /**
   * Shuts down gracefully: stops accepting work, gives accepted work {@code gracePeriod} to finish,
   * then interrupts what still runs and drops what never started.
   *
   * <p>At once: new work is refused with {@link java.util.concurrent.RejectedExecutionException},
   * fixed-rate jobs stop, delayed tasks not yet due are cancelled, work queues stop accepting items.
   * During the grace period, work already accepted goes on: submitted tasks (also those still
   * waiting for a thread), queued work-queue items and {@code mapBounded} items. When the grace
   * period ends, tasks and items not started are cancelled and listed in the report, and running
   * work is interrupted. Blocks until the pools stop, at most the grace period plus one second.
   *
   * <p>Calling it again returns the first report.
   *
   * @param gracePeriod how long running work may take to finish before it is interrupted
   * @return what never started and what was interrupted
   * @throws NullPointerException if {@code gracePeriod} is null
   */
  ShutdownReport shutdown(Duration gracePeriod);

  /**
   * Shuts down with the builder's grace period, and logs the report at WARNING if it is not clean.
   */
  @Override
  void close();

  /** Describes a {@link TaskScheduler}. */
  final class Builder {
    boolean virtualThreads = true;
    int ioThreads = 64;
    int cpuThreads = Runtime.getRuntime().availableProcessors();
    Duration gracePeriod = Duration.ofSeconds(5);
    Consumer<? super TaskFailure> onFailure = failure -> {};

    private Builder() {}

    /**
     * Chooses whether I/O work may run on virtual threads when the JVM has them.
     *
     * @param enabled false forces platform threads even on Java 21+
     * @return this builder
     */
    public Builder virtualThreads(boolean enabled) {
      this.virtualThreads = enabled;
      return this;
    }

    /**
     * Sizes the platform-thread I/O pool used when virtual threads are unavailable or disabled.
     *
     * @param threads the number of I/O threads; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder ioThreads(int threads) {
      this.ioThreads = atLeastOne(threads, "ioThreads");
      return this;
    }

    /**
     * Sizes the CPU pool.
     *
     * @param threads the number of CPU threads; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public Builder cpuThreads(int threads) {
      this.cpuThreads = atLeastOne(threads, "cpuThreads");
      return this;
    }

    /**
     * Sets how long {@link TaskScheduler#close()} lets running work finish before interrupting it.
     *
     * @param gracePeriod the grace period; not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code gracePeriod} is negative
     * @throws NullPointerException if {@code gracePeriod} is null
     */
    public Builder gracePeriod(Duration gracePeriod) {
      requireNonNull(gracePeriod, "gracePeriod");
      if (gracePeriod.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must not be negative, but got " + gracePeriod);
      }
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * Sets the listener for failures no caller can see: failing fixed-rate runs and work-queue items.
     * They are logged either way.
     *
     * @param listener called on the failing thread
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder onFailure(Consumer<? super TaskFailure> listener) {
      this.onFailure = requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Creates the scheduler and its pools.
     *
     * @return a new scheduler
     */
    public TaskScheduler build() {
      return new DefaultTaskScheduler(this);
    }

    private static int atLeastOne(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, but got " + value);
      }
      return value;
    }
  }
}
