package dev.patchbay.runtime.tasks;

/** A fixed-rate job started by {@link TaskScheduler#scheduleAtFixedRate}; survives failing runs. */
public interface ScheduledJob {

  /**
   * The job's name, as given when scheduling.
   *
   * @return the name
   */
  String name();

  /** Stops future runs; a run in progress completes. Idempotent. */
  void cancel();

  /**
   * Tells whether the job was cancelled, directly or by closing the scheduler.
   *
   * @return true once cancelled
   */
  boolean isCancelled();

  /**
   * Counts the runs that completed, successfully or not.
   *
   * @return the number of finished runs
   */
  long runs();

  /**
   * Counts the runs that threw.
   *
   * @return the number of failed runs
   */
  long failures();
}
