package dev.patchbay.runtime.tasks;

import static java.util.Objects.requireNonNull;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The {@link TaskScheduler} implementation. */
final class DefaultTaskScheduler implements TaskScheduler {

  private static final System.Logger LOG = System.getLogger(TaskScheduler.class.getName());
  private static final Duration AFTER_INTERRUPT_WAIT = Duration.ofSeconds(1);

  private final ExecutorService io;
  private final boolean virtual;
  private final ExecutorService cpu;
  // Only triggers work (delays, fixed rates, timeouts); never runs user code itself, so one thread
  // is enough and a slow job cannot delay a timeout.
  private final ScheduledThreadPoolExecutor timer;
  private final Duration gracePeriod;
  private final Consumer<? super TaskFailure> onFailure;

  // Everything accepted and not finished, so shutdown can tell what never started.
  private final Set<TrackedTask<?>> live = ConcurrentHashMap.newKeySet();
  private final Set<DefaultScheduledJob> jobs = ConcurrentHashMap.newKeySet();
  private final Set<DefaultWorkQueue<?>> queues = ConcurrentHashMap.newKeySet();
  private final Set<Batch<?, ?>> batches = ConcurrentHashMap.newKeySet();
  // Scheduled tasks whose delay has not passed; whoever removes a task first (its trigger or
  // shutdown) decides whether it runs.
  private final Set<TrackedTask<?>> delayed = ConcurrentHashMap.newKeySet();
  // Tasks a pool refused because shutdown raced with their start; reported as never started.
  private final Queue<String> rejectedWhileShuttingDown = new ConcurrentLinkedQueue<>();
  private final AtomicLong taskNumbers = new AtomicLong();

  // Volatile: submit adds to "live" and then reads this, shutdown writes this and then walks "live";
  // with both sides volatile, a task is either refused or seen by shutdown, never lost between.
  private volatile boolean accepting = true;
  private ShutdownReport report; // guarded by "this"

  DefaultTaskScheduler(TaskScheduler.Builder builder) {
    ExecutorService virtualThreads = builder.virtualThreads ? Pools.virtualThreadsOrNull() : null;
    this.virtual = virtualThreads != null;
    this.io = virtual ? virtualThreads : Pools.platform("patchbay-io-", builder.ioThreads);
    this.cpu = Pools.platform("patchbay-cpu-", builder.cpuThreads);
    this.timer = new ScheduledThreadPoolExecutor(1, Pools.daemonThreads("patchbay-tasks-timer-"));
    timer.setRemoveOnCancelPolicy(true);
    this.gracePeriod = builder.gracePeriod;
    this.onFailure = builder.onFailure;
    LOG.log(Level.DEBUG, () -> "TaskScheduler I/O pool uses " + (virtual ? "virtual threads" : "platform threads"));
  }

  @Override
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    requireNonNull(task, "task");
    return start(io, new TrackedTask<>(task, "task #" + taskNumbers.incrementAndGet(), false, this, null));
  }

  @Override
  public <T> CompletableFuture<T> submit(Callable<T> task, Duration timeout) {
    requireNonNull(task, "task");
    requireNonNull(timeout, "timeout");
    String description = "task #" + taskNumbers.incrementAndGet();
    return start(io, new TrackedTask<>(task, description, false, this, timeout));
  }

  @Override
  public <T> CompletableFuture<T> submitCpu(Callable<T> task) {
    requireNonNull(task, "task");
    return start(cpu, new TrackedTask<>(task, "CPU task #" + taskNumbers.incrementAndGet(), false, this, null));
  }

  @Override
  // The cleanup stage whenComplete returns is not needed: the caller holds the task itself.
  @SuppressWarnings("FutureReturnValueIgnored")
  public <T> CompletableFuture<T> schedule(Callable<T> task, Duration delay) {
    requireNonNull(task, "task");
    requireNonNull(delay, "delay");
    String description = "task #" + taskNumbers.incrementAndGet() + " scheduled after " + delay;
    TrackedTask<T> tracked = new TrackedTask<>(task, description, false, this, null);
    register(tracked);
    delayed.add(tracked);
    ScheduledFuture<?> trigger =
        timer.schedule(
            () -> {
              if (delayed.remove(tracked)) {
                execute(io, tracked);
              }
            },
            delay.toNanos(),
            TimeUnit.NANOSECONDS);
    // A cancelled task leaves the timer queue at once instead of waiting for its due time.
    tracked.whenComplete(
        (value, error) -> {
          delayed.remove(tracked);
          trigger.cancel(/* mayInterruptIfRunning= */ false);
        });
    return tracked;
  }

  @Override
  public ScheduledJob scheduleAtFixedRate(String name, Duration initialDelay, Duration period, CheckedRunnable job) {
    requireNonNull(name, "name");
    requireNonNull(initialDelay, "initialDelay");
    requireNonNull(period, "period");
    requireNonNull(job, "job");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("Fixed-rate job '" + name + "' needs a positive period, but got " + period);
    }
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException(
          "Fixed-rate job '" + name + "' needs an initial delay of zero or more, but got " + initialDelay);
    }
    ensureAccepting();
    DefaultScheduledJob scheduled = new DefaultScheduledJob(name, job, this);
    jobs.add(scheduled);
    scheduled.trigger =
        timer.scheduleAtFixedRate(scheduled::trigger, initialDelay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    return scheduled;
  }

  @Override
  public <T, R> CompletableFuture<List<ItemResult<T, R>>> mapBounded(
      Collection<? extends T> items, CheckedFunction<? super T, ? extends R> function, int maxConcurrency) {
    return mapBounded(items, function, maxConcurrency, 0);
  }

  @Override
  public <T, R> CompletableFuture<List<ItemResult<T, R>>> mapBounded(
      Collection<? extends T> items,
      CheckedFunction<? super T, ? extends R> function,
      int maxConcurrency,
      Duration itemTimeout) {
    requireNonNull(itemTimeout, "itemTimeout");
    if (itemTimeout.isNegative() || itemTimeout.isZero()) {
      throw new IllegalArgumentException("mapBounded needs a positive itemTimeout, but got " + itemTimeout);
    }
    return mapBounded(items, function, maxConcurrency, itemTimeout.toNanos());
  }

  // The cleanup stage whenComplete returns is not needed: the caller holds the batch itself.
  @SuppressWarnings("FutureReturnValueIgnored")
  private <T, R> CompletableFuture<List<ItemResult<T, R>>> mapBounded(
      Collection<? extends T> items,
      CheckedFunction<? super T, ? extends R> function,
      int maxConcurrency,
      long itemTimeoutNanos) {
    requireNonNull(items, "items");
    requireNonNull(function, "function");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("mapBounded needs maxConcurrency of at least 1, but got " + maxConcurrency);
    }
    List<T> inputs = List.copyOf(items); // also rejects null items
    ensureAccepting();
    Batch<T, R> batch = new Batch<>(inputs, function, this, itemTimeoutNanos);
    batches.add(batch);
    batch.whenComplete((results, error) -> batches.remove(batch));
    batch.start(maxConcurrency);
    return batch;
  }

  @Override
  public <T> WorkQueue<T> workQueue(String name, int capacity, int consumers, CheckedConsumer<? super T> handler) {
    requireNonNull(name, "name");
    requireNonNull(handler, "handler");
    if (capacity < 1 || consumers < 1) {
      throw new IllegalArgumentException(
          "Work queue '" + name + "' needs a capacity and a consumer count of at least 1, but got capacity "
              + capacity + " and " + consumers + " consumers");
    }
    ensureAccepting();
    DefaultWorkQueue<T> queue = new DefaultWorkQueue<>(name, capacity, consumers, handler, this);
    queues.add(queue);
    queue.start();
    return queue;
  }

  @Override
  public boolean usesVirtualThreads() {
    return virtual;
  }

  @Override
  // "delayed" is a concurrent set: its iterator never throws ConcurrentModificationException, and
  // remove() tells which of this loop and the timer claimed a task.
  @SuppressWarnings("ModifyCollectionInEnhancedForLoop")
  public synchronized ShutdownReport shutdown(Duration gracePeriod) {
    requireNonNull(gracePeriod, "gracePeriod");
    if (report != null) {
      return report;
    }
    accepting = false;
    long deadline = System.nanoTime() + gracePeriod.toNanos();
    List<String> neverStarted = new ArrayList<>();
    // Phase 1: nothing new. Jobs stop, delayed tasks that are not due yet are dropped, queues stop
    // accepting; work already accepted (queued tasks, queue items, batch items) goes on.
    for (DefaultScheduledJob job : jobs) {
      job.cancel();
    }
    for (TrackedTask<?> task : delayed) {
      if (delayed.remove(task) && task.preventStart()) {
        task.cancel(/* mayInterruptIfRunning= */ false);
        neverStarted.add(task.description());
      }
    }
    for (DefaultWorkQueue<?> queue : queues) {
      queue.stopAccepting();
    }
    io.shutdown();
    cpu.shutdown();
    // Phase 2: the grace period.
    boolean terminated = awaitPools(deadline);
    List<String> interrupted = new ArrayList<>();
    if (!terminated) {
      // Phase 3: what has not started never will; what runs is interrupted.
      for (DefaultWorkQueue<?> queue : queues) {
        neverStarted.addAll(queue.abort());
      }
      for (Batch<?, ?> batch : batches) {
        neverStarted.addAll(batch.stopUnclaimed());
      }
      // Two passes: were an interrupt sent first, the freed thread could start a queued task
      // before this loop reached it.
      for (TrackedTask<?> task : live) {
        if (task.preventStart()) {
          task.cancel(/* mayInterruptIfRunning= */ false);
          if (!task.isInternal()) {
            neverStarted.add(task.description());
          }
        }
      }
      for (TrackedTask<?> task : live) {
        if (task.isRunning()) {
          interrupted.add(task.description());
          task.interrupt();
        }
      }
      io.shutdownNow();
      cpu.shutdownNow();
      terminated = awaitPools(System.nanoTime() + AFTER_INTERRUPT_WAIT.toNanos());
    }
    timer.shutdownNow();
    neverStarted.addAll(rejectedWhileShuttingDown);
    report = new ShutdownReport(neverStarted, interrupted, terminated);
    return report;
  }

  @Override
  public void close() {
    ShutdownReport closing = shutdown(gracePeriod);
    if (!closing.isClean()) {
      LOG.log(
          Level.WARNING,
          "TaskScheduler closed with work left undone. Never started: " + closing.neverStarted()
              + "; interrupted after the " + gracePeriod + " grace period: " + closing.interrupted()
              + (closing.terminated() ? "" : "; some threads were still running"));
    }
  }

  // ---- package-private helpers for tasks, jobs, batches and queues ----

  /** Registers and starts an internal or user task on {@code pool}. */
  <T> TrackedTask<T> start(ExecutorService pool, TrackedTask<T> task) {
    register(task);
    execute(pool, task);
    return task;
  }

  ExecutorService io() {
    return io;
  }

  /** Runs {@code action} after {@code nanos} on the timer thread; returns what cancels it. */
  Runnable afterDelay(Runnable action, long nanos) {
    try {
      ScheduledFuture<?> future = timer.schedule(action, nanos, TimeUnit.NANOSECONDS);
      return () -> future.cancel(/* mayInterruptIfRunning= */ false);
    } catch (RejectedExecutionException e) {
      return () -> {}; // shut down after the grace period: the task is being interrupted anyway
    }
  }

  void finished(TrackedTask<?> task) {
    live.remove(task);
  }

  void forget(DefaultWorkQueue<?> queue) {
    queues.remove(queue);
  }

  void forget(DefaultScheduledJob job) {
    jobs.remove(job);
  }

  /** Logs a failure nobody else would see and tells the listener; never throws. */
  void reportFailure(String source, Throwable error) {
    LOG.log(Level.WARNING, source + " failed; it goes on", error);
    try {
      onFailure.accept(new TaskFailure(source, error));
    } catch (RuntimeException | Error listenerFailure) {
      LOG.log(Level.WARNING, "The TaskScheduler failure listener failed too", listenerFailure);
    }
  }

  void ensureAccepting() {
    if (!accepting) {
      throw new RejectedExecutionException("This TaskScheduler is shut down and accepts no more work; create a new one");
    }
  }

  private void register(TrackedTask<?> task) {
    live.add(task);
    if (!accepting) {
      live.remove(task);
      ensureAccepting();
    }
  }

  private void execute(ExecutorService pool, TrackedTask<?> task) {
    try {
      pool.execute(task);
    } catch (RejectedExecutionException e) {
      // Only a shutdown racing with this call gets here: make sure the future does not hang and
      // the report names the task.
      if (task.preventStart()) {
        task.cancel(/* mayInterruptIfRunning= */ false);
        if (!task.isInternal()) {
          rejectedWhileShuttingDown.add(task.description());
        }
      }
    }
  }

  private boolean awaitPools(long deadline) {
    try {
      boolean ioDone = io.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      boolean cpuDone = cpu.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return ioDone && cpuDone;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stop waiting, but let the caller see the interrupt
      return false;
    }
  }
}
