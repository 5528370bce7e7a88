package dev.patchbay.runtime.tasks;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A task and its future in one object: {@code cancel(true)} and timeouts interrupt the thread that
 * runs it, and the scheduler can tell whether it started.
 */
final class TrackedTask<T> extends CompletableFuture<T> implements Runnable {

  static final int NEW = 0;
  static final int RUNNING = 1;
  static final int DONE = 2;

  private final Callable<T> callable;
  private final String description;
  // Internal tasks (batch workers, queue consumers, job runs) are not user work: never reported as
  // "never started", since their items are reported instead.
  private final boolean internal;
  private final DefaultTaskScheduler owner;
  private final long timeoutNanos; // 0 = none
  // NEW -> RUNNING -> DONE, or NEW -> DONE when cancelled before starting. The CAS from NEW decides
  // once and for all whether the task runs, between a pool thread and a cancel or shutdown.
  private final AtomicInteger state = new AtomicInteger(NEW);
  // Guarded by "this": set while running, so an interrupt can never hit the thread after it moved on
  // to other work.
  private Thread runner;

  TrackedTask(
      Callable<T> callable, String description, boolean internal, DefaultTaskScheduler owner, Duration timeout) {
    this.callable = callable;
    this.description = description;
    this.internal = internal;
    this.owner = owner;
    this.timeoutNanos = timeout == null ? 0 : timeout.toNanos();
  }

  String description() {
    return description;
  }

  boolean isInternal() {
    return internal;
  }

  boolean isRunning() {
    return state.get() == RUNNING;
  }

  @Override
  public void run() {
    if (!state.compareAndSet(NEW, RUNNING)) {
      return; // cancelled, timed out or shut down before it started
    }
    synchronized (this) {
      runner = Thread.currentThread();
    }
    Runnable cancelTimeout = timeoutNanos > 0 ? owner.afterDelay(this::timeOut, timeoutNanos) : () -> {};
    try {
      complete(callable.call());
    } catch (Throwable e) {
      completeExceptionally(e);
    } finally {
      cancelTimeout.run();
      synchronized (this) {
        runner = null;
      }
      state.set(DONE);
      owner.finished(this);
    }
  }

  /** Marks the task as never to run, if it has not started; true if that happened. */
  boolean preventStart() {
    if (state.compareAndSet(NEW, DONE)) {
      owner.finished(this);
      return true;
    }
    return false;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      preventStart();
      if (mayInterruptIfRunning) {
        interrupt();
      }
    }
    return cancelled;
  }

  private void timeOut() {
    if (completeExceptionally(
        new TimeoutException(
            "The " + description + " ran longer than its timeout of " + Duration.ofNanos(timeoutNanos) + " and was interrupted"))) {
      interrupt();
    }
  }

  synchronized void interrupt() {
    if (runner != null) {
      runner.interrupt();
    }
  }
}
