package dev.patchbay.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * A run in progress on this node; {@link ClusterScheduler#shutdown(java.time.Duration)} returns
 * the ones its grace period cut off.
 *
 * @param taskName the plugin name the task was scheduled under
 * @param scheduledFireTime when the firing was due
 * @param attempt the attempt (see {@link TaskContext#attempt()})
 * @param startedAt when this node started it
 */
public record TaskRun(String taskName, Instant scheduledFireTime, int attempt, Instant startedAt) {

  /** Checks the components. */
  public TaskRun {
    Objects.requireNonNull(taskName, "taskName");
    Objects.requireNonNull(scheduledFireTime, "scheduledFireTime");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /** Returns the task name with its fire time and attempt. */
  @Override
  public String toString() {
    return taskName + " (fire time " + scheduledFireTime + ", attempt " + attempt + ")";
  }
}
