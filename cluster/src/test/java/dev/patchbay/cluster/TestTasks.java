package dev.patchbay.cluster;

import dev.patchbay.Plugin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The tasks the cluster tests schedule; they record their runs in the test database. */
public final class TestTasks {
  /** What the in-process {@code remember} task saw, for tests that run a node in their own JVM. */
  static final java.util.concurrent.BlockingQueue<TaskContext> REMEMBERED =
      new java.util.concurrent.LinkedBlockingQueue<>();

  private TestTasks() {}

  /** Opens a connection to the database named by the node's environment. */
  static Connection connect() throws SQLException {
    return DriverManager.getConnection(System.getenv(ClusterNodeMain.URL_ENV),
        System.getenv(ClusterNodeMain.USER_ENV), System.getenv(ClusterNodeMain.PASSWORD_ENV));
  }

  /**
   * Records {@code (name, fire time)} under a unique constraint; a second run of the same firing
   * is written to the duplicates table instead, so the test can count it.
   */
  @Plugin(value = "record", description = "records each firing once")
  public static final class RecordTask implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public RecordTask() {}

    @Override
    public void run(TaskContext context) throws SQLException {
      String table = context.parameter("table");
      try (Connection connection = connect()) {
        try {
          insert(connection, table, context);
        } catch (SQLException e) {
          String state = String.valueOf(e.getSQLState());
          // 23505: PostgreSQL's unique violation; 23000: MySQL/MariaDB's integrity violation.
          if (!state.equals("23505") && !state.equals("23000")) {
            throw e;
          }
          insert(connection, table + "_dup", context);
        }
      }
    }
  }

  /** Records its start, then works for {@code millis} unless interrupted. */
  @Plugin(value = "slow", description = "a long recoverable task")
  public static final class SlowTask implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public SlowTask() {}

    @Override
    public void run(TaskContext context) throws Exception {
      try (Connection connection = connect()) {
        insert(connection, context.parameter("table"), context);
      }
      System.out.println("STARTED " + context.taskName() + " node=" + context.nodeId()
          + " attempt=" + context.attempt() + " recovery=" + context.isRecovery());
      System.out.flush();
      Thread.sleep(Long.parseLong(context.parameter("millis")));
    }
  }

  /** Always fails. */
  @Plugin(value = "fail", description = "throws on every run")
  public static final class FailingTask implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public FailingTask() {}

    @Override
    public void run(TaskContext context) {
      throw new IllegalStateException("failing on purpose at " + context.scheduledFireTime());
    }
  }

  /** Remembers its context in {@link #REMEMBERED}. */
  @Plugin(value = "remember", description = "keeps its context for in-process tests")
  public static final class RememberTask implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public RememberTask() {}

    @Override
    public void run(TaskContext context) {
      REMEMBERED.add(context);
    }
  }

  /** Sleeps for {@code millis}; an interrupt ends it early, with an InterruptedException. */
  @Plugin(value = "sleep", description = "sleeps for a while")
  public static final class SleepTask implements ClusterTask {
    /** Creates the task; the scheduler makes one per run. */
    public SleepTask() {}

    @Override
    public void run(TaskContext context) throws InterruptedException {
      Thread.sleep(Long.parseLong(context.parameter("millis")));
    }
  }

  private static void insert(Connection connection, String table, TaskContext context)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
        + " (name, fire_time, node, attempt, recovery, started_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, context.taskName());
      insert.setLong(2, context.scheduledFireTime().toEpochMilli());
      insert.setString(3, context.nodeId());
      insert.setInt(4, context.attempt());
      insert.setBoolean(5, context.isRecovery());
      insert.setLong(6, System.currentTimeMillis());
      insert.executeUpdate();
    }
  }
}
