package dev.patchbay.samples.cluster;

import dev.patchbay.cluster.TaskContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample's record of every run: {@code (cluster, task, fire time, attempt)} is unique, so a
 * firing that ran twice as the same attempt lands in the duplicates table instead, where the
 * report counts it. A re-run after a node died is attempt 2, a recovery, not a duplicate.
 */
final class RunLog {
  static final String RUNS = "patchbay_sample_runs";
  static final String DUPLICATES = "patchbay_sample_duplicates";

  /** Task parameters that say where the log is; the password stays in the environment. */
  static final String URL = "url";
  static final String USER = "user";
  static final String PASSWORD_ENV = "password-env";
  static final String CLUSTER = "cluster";

  private RunLog() {}

  /** One recorded run. */
  record Run(String task, long fireTime, String node, int attempt, boolean recovery,
      long startedAt) {}

  /** Creates the two tables where they are missing (PostgreSQL, MariaDB and H2 all accept this). */
  static void createTables(Connection connection) throws SQLException {
    String columns = " (cluster VARCHAR(100) NOT NULL, task VARCHAR(100) NOT NULL,"
        + " fire_time BIGINT NOT NULL, node VARCHAR(100) NOT NULL, attempt INT NOT NULL,"
        + " recovery BOOLEAN NOT NULL, started_at BIGINT NOT NULL";
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + RUNS + columns
          + ", PRIMARY KEY (cluster, task, fire_time, attempt))");
      statement.execute("CREATE TABLE IF NOT EXISTS " + DUPLICATES + columns + ")");
    }
  }

  /** Connects the way a task's parameters say. */
  static Connection connect(Map<String, String> parameters) throws SQLException {
    String passwordEnv = parameters.getOrDefault(PASSWORD_ENV, "");
    String password = passwordEnv.isEmpty() ? "" : System.getenv(passwordEnv);
    return DriverManager.getConnection(parameters.get(URL), parameters.getOrDefault(USER, ""),
        password);
  }

  /** Records a run; a second run of the same firing goes to the duplicates table. */
  static void record(TaskContext context) throws SQLException {
    try (Connection connection = connect(context.parameters())) {
      try {
        insert(connection, RUNS, context);
      } catch (SQLException e) {
        String state = String.valueOf(e.getSQLState());
        // 23505: unique violation on PostgreSQL and H2; 23000 on MySQL and MariaDB.
        if (!state.equals("23505") && !state.equals("23000")) {
          throw e;
        }
        insert(connection, DUPLICATES, context);
      }
    }
  }

  private static void insert(Connection connection, String table, TaskContext context)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
        + " (cluster, task, fire_time, node, attempt, recovery, started_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, context.parameter(CLUSTER));
      insert.setString(2, context.taskName());
      insert.setLong(3, context.scheduledFireTime().toEpochMilli());
      insert.setString(4, context.nodeId());
      insert.setInt(5, context.attempt());
      insert.setBoolean(6, context.isRecovery());
      insert.setLong(7, System.currentTimeMillis());
      insert.executeUpdate();
    }
  }

  /** The runs of one cluster, by start time. */
  static List<Run> runs(Connection connection, String table, String cluster) throws SQLException {
    List<Run> runs = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT task, fire_time, node,"
        + " attempt, recovery, started_at FROM " + table + " WHERE cluster = ?"
        + " ORDER BY started_at")) {
      query.setString(1, cluster);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          runs.add(new Run(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getInt(4),
              rows.getBoolean(5), rows.getLong(6)));
        }
      }
    }
    return runs;
  }

  /** Deletes what one run of the sample left: its rows here and in Quartz's tables. */
  static void forget(Connection connection, String cluster) throws SQLException {
    Map<String, String> byTable = new HashMap<>();
    for (String table : List.of(RUNS, DUPLICATES)) {
      byTable.put(table, "cluster");
    }
    for (String table : List.of("QRTZ_FIRED_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_TRIGGERS",
        "QRTZ_JOB_DETAILS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS")) {
      byTable.put(table, "SCHED_NAME");
    }
    for (String table : List.of(RUNS, DUPLICATES, "QRTZ_FIRED_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS",
        "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS")) {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM " + table + " WHERE " + byTable.get(table) + " = ?")) {
        delete.setString(1, cluster);
        delete.executeUpdate();
      }
    }
  }
}
