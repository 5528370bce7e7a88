package dev.patchbay.cluster;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A database server for the cluster tests, from the variables {@code .ci/start-databases.sh}
 * exports. Without them a test skips with the reason, unless
 * {@code PATCHBAY_REQUIRE_DATABASES=1} (set by {@code .ci/run}) turns the skip into a failure.
 */
record TestDatabase(String kind, String url, String user, String password) {
  static final String REQUIRE_ENV = "PATCHBAY_REQUIRE_DATABASES";

  /** The PostgreSQL server, or a skip. */
  static TestDatabase postgres() {
    return fromEnvironment("PostgreSQL", "PATCHBAY_PG_");
  }

  /** The MariaDB (or MySQL) server, or a skip. */
  static TestDatabase mariadb() {
    return fromEnvironment("MariaDB", "PATCHBAY_MYSQL_");
  }

  private static TestDatabase fromEnvironment(String kind, String prefix) {
    String url = System.getenv(prefix + "URL");
    if (url == null || url.isBlank()) {
      String reason = "no " + kind + " server: " + prefix + "URL is not set"
          + " (.ci/start-databases.sh starts one on 127.0.0.1 and sets it)";
      if ("1".equals(System.getenv(REQUIRE_ENV))) {
        fail(reason + "; " + REQUIRE_ENV + "=1 requires every database server");
      }
      assumeTrue(false, reason);
    }
    return new TestDatabase(kind, url, System.getenv(prefix + "USER"),
        System.getenv(prefix + "PASSWORD"));
  }

  /** A short random name for tables, schemas and clusters of one test. */
  static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
        .toLowerCase(Locale.ROOT);
  }

  /**
   * On PostgreSQL, a new empty schema, as a database whose URL selects it: nodes starting on it
   * create the Quartz tables there, all at once.
   */
  TestDatabase withFreshSchema(String schema) throws SQLException {
    execute("CREATE SCHEMA " + schema);
    String separator = url.contains("?") ? "&" : "?";
    return new TestDatabase(kind, url + separator + "currentSchema=" + schema, user, password);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  DriverDataSource dataSource() {
    return DriverDataSource.of(url, user, password);
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Creates the table a recording task writes: {@code (name, fire_time)} unique when
   * {@code unique}, and its {@code _dup} twin without the constraint.
   */
  void createRunTable(String table, boolean unique) throws SQLException {
    String columns = " (name VARCHAR(100) NOT NULL, fire_time BIGINT NOT NULL,"
        + " node VARCHAR(100) NOT NULL, attempt INT NOT NULL, recovery BOOLEAN NOT NULL,"
        + " started_at BIGINT NOT NULL";
    execute("CREATE TABLE " + table + columns
        + (unique ? ", PRIMARY KEY (name, fire_time))" : ")"));
    execute("CREATE TABLE " + table + "_dup" + columns + ")");
  }

  /** The rows of a run table, by fire time then start. */
  List<Row> rows(String table) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT name, fire_time, node, attempt,"
            + " recovery, started_at FROM " + table + " ORDER BY fire_time, started_at")) {
      while (result.next()) {
        rows.add(new Row(result.getString(1), result.getLong(2), result.getString(3),
            result.getInt(4), result.getBoolean(5), result.getLong(6)));
      }
    }
    return rows;
  }

  /** Counts the rows Quartz holds for a cluster in one of its tables. */
  int quartzRows(String quartzTable, String cluster) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT COUNT(*) FROM " + quartzTable + " WHERE SCHED_NAME = ?")) {
      statement.setString(1, cluster);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  /** Deletes what Quartz stored for a cluster in shared tables, children first. */
  void deleteCluster(String cluster) throws SQLException {
    for (String table : List.of("QRTZ_FIRED_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS",
        "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_TRIGGERS",
        "QRTZ_JOB_DETAILS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS", "QRTZ_PAUSED_TRIGGER_GRPS",
        "QRTZ_CALENDARS")) {
      try (Connection connection = connect();
          PreparedStatement statement = connection.prepareStatement(
              "DELETE FROM " + table + " WHERE SCHED_NAME = ?")) {
        statement.setString(1, cluster);
        statement.executeUpdate();
      }
    }
  }

  /** One recorded run. */
  record Row(String name, long fireTime, String node, int attempt, boolean recovery,
      long startedAt) {}
}
