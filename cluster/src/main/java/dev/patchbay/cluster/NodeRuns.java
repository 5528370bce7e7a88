package dev.patchbay.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The runs in progress on one node, and where their failures go. Guarded by its own monitor, which
 * {@link #awaitIdle} waits on and {@link #finished} notifies.
 */
final class NodeRuns implements TaskJob.Node {
  private static final System.Logger LOG = System.getLogger(ClusterScheduler.class.getName());

  private record Running(TaskRun run, TaskJob job) {}

  private final String nodeId;
  private final Consumer<TaskFailure> failureListener;
  private final Map<String, Running> running = new LinkedHashMap<>();

  NodeRuns(String nodeId, Consumer<TaskFailure> failureListener) {
    this.nodeId = nodeId;
    this.failureListener = failureListener;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public synchronized void started(String fireInstanceId, TaskRun run, TaskJob job) {
    running.put(fireInstanceId, new Running(run, job));
  }

  @Override
  public synchronized void finished(String fireInstanceId) {
    running.remove(fireInstanceId);
    notifyAll();
  }

  @Override
  public void failed(TaskFailure failure) {
    LOG.log(System.Logger.Level.WARNING, failure.toString(), failure.cause());
    try {
      failureListener.accept(failure);
    } catch (RuntimeException listenerFailure) {
      LOG.log(System.Logger.Level.WARNING,
          "the failure listener of node " + nodeId + " threw", listenerFailure);
    }
  }

  /** Returns the runs in progress, oldest first. */
  synchronized List<TaskRun> runs() {
    return running.values().stream().map(Running::run).toList();
  }

  /**
   * Waits until no run is in progress or the deadline passes, then interrupts the runs still going.
   *
   * @param deadlineNanos a {@link System#nanoTime()} deadline
   * @return the runs still in progress at the deadline, which were interrupted
   */
  List<TaskRun> awaitIdle(long deadlineNanos) {
    List<Running> cutOff;
    synchronized (this) {
      long left;
      while (!running.isEmpty() && (left = deadlineNanos - System.nanoTime()) > 0) {
        try {
          // Woken by finished(); the loop re-checks the deadline after a spurious wake-up.
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      cutOff = new ArrayList<>(running.values());
    }
    cutOff.forEach(entry -> entry.job().interrupt());
    return cutOff.stream().map(Running::run).toList();
  }
}
