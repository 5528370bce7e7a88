package dev.patchbay.runtime.tasks;

import java.util.List;

/**
 * What {@link TaskScheduler#shutdown(java.time.Duration)} left undone.
 *
 * @param neverStarted descriptions of the work that was accepted but never started: queued or
 *     delayed tasks, unclaimed {@code mapBounded} items, unconsumed work-queue items; their futures
 *     are cancelled
 * @param interrupted descriptions of the work still running when the grace period ended, which was
 *     interrupted
 * @param terminated true if every thread stopped before {@code shutdown} returned
 */
public record ShutdownReport(List<String> neverStarted, List<String> interrupted, boolean terminated) {

  /**
   * Creates a report, copying the lists so that it never changes.
   *
   * @param neverStarted descriptions of the work that never started
   * @param interrupted descriptions of the work that was interrupted
   * @param terminated whether every thread stopped
   */
  public ShutdownReport {
    neverStarted = List.copyOf(neverStarted);
    interrupted = List.copyOf(interrupted);
  }

  /**
   * Tells whether all accepted work ran to completion.
   *
   * @return true if nothing was left unstarted, nothing was interrupted, and every thread stopped
   */
  public boolean isClean() {
    return neverStarted.isEmpty() && interrupted.isEmpty() && terminated;
  }
}
