package dev.patchbay.benchmarks.cluster;

import dev.patchbay.Plugin;
import dev.patchbay.cluster.ClusterTask;
import dev.patchbay.cluster.TaskContext;
import java.sql.Connection;
import java.sql.PreparedStatement;

/** The tasks the cluster benchmark schedules. */
public final class BenchTasks {
  private BenchTasks() {}

  /** A one-off task that does one small write: records when it started and ended. */
  @Plugin(value = "bench-record", description = "records its start and end in one row")
  public static final class RecordTask implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public RecordTask() {}

    @Override
    public void run(TaskContext context) throws Exception {
      long started = System.currentTimeMillis();
      try (Connection connection = ClusterProbe.pool().getConnection();
          PreparedStatement insert = connection.prepareStatement("INSERT INTO "
              + context.parameter("table") + " (node, started, finished) VALUES (?, ?, ?)")) {
        insert.setString(1, context.nodeId());
        insert.setLong(2, started);
        insert.setLong(3, System.currentTimeMillis());
        insert.executeUpdate();
      }
    }
  }

  /** A long task that says when it starts, then sleeps until its node dies or closes. */
  @Plugin(value = "bench-long", description = "announces its start, then sleeps")
  public static final class LongTask implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public LongTask() {}

    @Override
    public void run(TaskContext context) throws Exception {
      ClusterProbe.say("STARTED " + context.nodeId() + " " + context.attempt() + " "
          + System.currentTimeMillis());
      Thread.sleep(600_000);
    }
  }
}
