package dev.patchbay.cluster;

import dev.patchbay.ExtensionPoint;

/**
 * A task that runs on whichever node of a cluster picks up its firing.
 *
 * <p>Implementations are plugins: {@code @Plugin("nightly-report") class NightlyReport implements
 * ClusterTask}. The scheduler stores only the plugin's name in the database and creates a fresh
 * instance through the registry for every run, so implementations need a public no-argument
 * constructor and keep no state between runs.
 *
 * <p>A run cut short by its node's death runs again on another node, with
 * {@link TaskContext#attempt()} above 1 and {@link TaskContext#isRecovery()} true: make tasks
 * idempotent, or let them check those values.
 */
@ExtensionPoint
public interface ClusterTask {
  /**
   * Runs one firing of this task.
   *
   * @param context the firing: parameters, node, scheduled time, attempt
   * @throws Exception any failure; it is reported with the task name and node, and the task's
   *     schedule goes on
   */
  void run(TaskContext context) throws Exception;
}
