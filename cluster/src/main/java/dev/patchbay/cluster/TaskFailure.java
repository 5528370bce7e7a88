package dev.patchbay.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * A run of a task that threw: reported to the builder's failure listener and logged, never
 * swallowed. The task's schedule goes on.
 *
 * @param taskName the plugin name the task was scheduled under
 * @param nodeId the node the run failed on
 * @param scheduledFireTime when the failed firing was due
 * @param attempt the attempt that failed (see {@link TaskContext#attempt()})
 * @param cause what the task threw, or why it could not be created on this node
 */
public record TaskFailure(
    String taskName, String nodeId, Instant scheduledFireTime, int attempt, Throwable cause) {

  /** Checks the components. */
  public TaskFailure {
    Objects.requireNonNull(taskName, "taskName");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(scheduledFireTime, "scheduledFireTime");
    Objects.requireNonNull(cause, "cause");
  }

  /** Returns a one-line description: task, node, fire time, attempt and cause. */
  @Override
  public String toString() {
    return "task '" + taskName + "' failed on node " + nodeId + " (fire time " + scheduledFireTime
        + ", attempt " + attempt + "): " + cause;
  }
}
