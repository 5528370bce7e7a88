package dev.patchbay.runtime.tasks;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A fixed-rate job: the timer thread triggers it, the I/O pool runs it, failures are reported. */
final class DefaultScheduledJob implements ScheduledJob {

  private final String name;
  private final CheckedRunnable job;
  private final DefaultTaskScheduler owner;
  // Set by the trigger, cleared by the run: at most one run at a time, overlapping triggers skip.
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean cancelled;
  volatile ScheduledFuture<?> trigger; // set right after scheduling

  DefaultScheduledJob(String name, CheckedRunnable job, DefaultTaskScheduler owner) {
    this.name = name;
    this.job = job;
    this.owner = owner;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void cancel() {
    cancelled = true;
    ScheduledFuture<?> current = trigger;
    if (current != null) {
      current.cancel(/* mayInterruptIfRunning= */ false);
    }
    owner.forget(this);
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public long runs() {
    return runs.get();
  }

  @Override
  public long failures() {
    return failures.get();
  }

  /** Runs on the timer thread: hands one run to the I/O pool unless the previous one still runs. */
  // The started run's future is not needed: runOnce reports a failing run and clears "running".
  @SuppressWarnings("FutureReturnValueIgnored")
  void trigger() {
    if (cancelled || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      owner.start(owner.io(), new TrackedTask<>(this::runOnce, "run of fixed-rate job '" + name + "'", true, owner, null));
    } catch (RuntimeException e) {
      running.set(false); // shut down meanwhile: nothing more will run
    }
  }

  private Void runOnce() {
    try {
      job.run();
    } catch (Exception | Error e) {
      // Catching here is the point of this class: the schedule must survive a failing run.
      failures.incrementAndGet();
      owner.reportFailure("fixed-rate job '" + name + "'", e);
    } finally {
      runs.incrementAndGet();
      running.set(false);
    }
    return null;
  }

  @Override
  public String toString() {
    return "ScheduledJob[" + name + ", runs=" + runs + ", failures=" + failures + (cancelled ? ", cancelled]" : "]");
  }
}
