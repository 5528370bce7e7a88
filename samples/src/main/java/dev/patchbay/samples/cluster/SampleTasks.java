package dev.patchbay.samples.cluster;

import dev.patchbay.Plugin;
import dev.patchbay.cluster.ClusterTask;
import dev.patchbay.cluster.TaskContext;

/** The tasks of the cluster sample. */
public final class SampleTasks {
  private SampleTasks() {}

  /** The periodic task: records each firing, on whichever node runs it. */
  @Plugin(value = "tick", description = "records each firing in the run log")
  public static final class Tick implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public Tick() {}

    @Override
    public void run(TaskContext context) throws Exception {
      RunLog.record(context);
    }
  }

  /** A long one-off task: records its start, then works until its node stops it. */
  @Plugin(value = "long-job", description = "a long recoverable one-off task")
  public static final class LongJob implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public LongJob() {}

    @Override
    public void run(TaskContext context) throws Exception {
      RunLog.record(context);
      Thread.sleep(Long.parseLong(context.parameter("millis")));
    }
  }
}
