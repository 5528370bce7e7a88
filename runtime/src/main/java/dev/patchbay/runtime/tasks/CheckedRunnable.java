package dev.patchbay.runtime.tasks;

/** A piece of work that may throw any exception; used for scheduled jobs. */
@FunctionalInterface
public interface CheckedRunnable {

  /**
   * Does the work.
   *
   * @throws Exception if the work fails; the scheduler reports it
   */
  void run() throws Exception;
}
