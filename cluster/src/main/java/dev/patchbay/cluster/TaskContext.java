package dev.patchbay.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a {@link ClusterTask}: what it was given and where and when it runs.
 *
 * @param taskName the plugin name the task was scheduled under
 * @param parameters the parameters given to {@code every} or {@code submit}
 * @param nodeId the node running this attempt
 * @param scheduledFireTime when this firing was due; a recovery keeps the time of the firing it
 *     re-runs, so {@code (taskName, scheduledFireTime)} names one firing across attempts
 * @param attempt 1 for a first run, 2 when another node re-runs a firing whose node died, 3 when
 *     that re-run was cut short too (later attempts also report 3)
 * @param isRecovery true when this run re-runs a firing whose node died while running it
 */
public record TaskContext(
    String taskName,
    Map<String, String> parameters,
    String nodeId,
    Instant scheduledFireTime,
    int attempt,
    boolean isRecovery) {

  /** Checks and copies the components. */
  public TaskContext {
    Objects.requireNonNull(taskName, "taskName");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(scheduledFireTime, "scheduledFireTime");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
    }
  }

  /**
   * Returns one parameter.
   *
   * @param name the parameter's name
   * @return its value
   * @throws IllegalArgumentException when the task was scheduled without it, naming those it has
   */
  public String parameter(String name) {
    String value = parameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("task '" + taskName + "' has no parameter '" + name
          + "'; it was scheduled with " + new java.util.TreeSet<>(parameters.keySet()));
    }
    return value;
  }
}
