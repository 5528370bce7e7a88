package dev.patchbay.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.Scheduler;

/**
 * Creates Quartz's tables from the DDL script shipped inside the Quartz jar, once, even when
 * several nodes start at the same moment.
 *
 * <p>On PostgreSQL and MySQL/MariaDB the nodes take turns under a database advisory lock: the
 * first creates the tables, the others find them. H2 has no such lock, so the nodes elect a
 * creator through a one-row table and the others wait for it. The scripts' {@code DROP}
 * statements are never run: an existing schema is kept, and a partial one is an error.
 */
final class SchemaInstaller {
  private static final System.Logger LOG = System.getLogger(SchemaInstaller.class.getName());

  /** One key for every Patchbay cluster: the advisory lock serialises schema creation. */
  private static final long PG_LOCK_KEY = 0x7061746368626179L;
  private static final String MYSQL_LOCK_NAME = "dev.patchbay.cluster.schema";

  /** On H2: one row, inserted by the node that creates the tables. */
  static final String ELECTION_TABLE = "PATCHBAY_CLUSTER_SCHEMA";
  private static final long ELECTION_WAIT_NANOS = 60_000_000_000L;

  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?i)^CREATE\\s+TABLE\\s+(\\w+)");

  private SchemaInstaller() {}

  /**
   * Creates the tables when they are missing.
   *
   * @param connection an open connection (auto-commit on)
   * @param dialect the database's dialect
   * @return true when this call created the tables
   * @throws SQLException when the DDL fails
   * @throws IllegalStateException when only some of the tables exist
   */
  static boolean install(Connection connection, Dialect dialect) throws SQLException {
    List<String> statements = statements(dialect);
    List<String> tables = tables(statements);
    if (dialect.lockSql() == null) {
      return missing(connection, tables).isEmpty() ? false
          : installElected(connection, dialect, statements, tables);
    }
    lock(connection, dialect, dialect.lockSql());
    try {
      List<String> missing = missing(connection, tables);
      if (missing.isEmpty()) {
        return false;
      }
      if (missing.size() != tables.size()) {
        List<String> present = new ArrayList<>(tables);
        present.removeAll(missing);
        throw new IllegalStateException("the database holds part of Quartz's schema: "
            + present + " exist but " + missing + " do not; drop those tables or create the"
            + " missing ones with " + dialect.scriptResource() + " from the Quartz jar");
      }
      runAll(connection, statements);
      LOG.log(System.Logger.Level.INFO, "created the cluster tables from {0}",
          dialect.scriptResource());
      return true;
    } finally {
      lock(connection, dialect, dialect.unlockSql());
    }
  }

  /**
   * Installs on a database without advisory locks (H2): the node whose row goes into the
   * election table first creates the tables; the others wait until it marks the row done.
   * H2 commits at every DDL statement, so a row lock could not cover the whole script.
   */
  private static boolean installElected(Connection connection, Dialect dialect,
      List<String> statements, List<String> tables) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + ELECTION_TABLE
          + " (ID INT PRIMARY KEY, STATE VARCHAR(20) NOT NULL)");
    }
    boolean elected;
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO " + ELECTION_TABLE + " VALUES (1, 'creating')");
      elected = true;
    } catch (SQLException e) {
      if (!String.valueOf(e.getSQLState()).startsWith("23")) {
        throw e;
      }
      elected = false;
    }
    if (elected) {
      try {
        runAll(connection, idempotent(statements));
        try (Statement statement = connection.createStatement()) {
          statement.executeUpdate("UPDATE " + ELECTION_TABLE + " SET STATE = 'done'");
        }
        LOG.log(System.Logger.Level.INFO, "created the cluster tables from {0}",
            dialect.scriptResource());
        return true;
      } catch (SQLException | RuntimeException e) {
        // Let the next node to start try again.
        try (Statement statement = connection.createStatement()) {
          statement.executeUpdate("DELETE FROM " + ELECTION_TABLE);
        }
        throw e;
      }
    }
    long deadline = System.nanoTime() + ELECTION_WAIT_NANOS;
    while (System.nanoTime() < deadline) {
      try (Statement statement = connection.createStatement();
          ResultSet state = statement.executeQuery("SELECT STATE FROM " + ELECTION_TABLE)) {
        if (!state.next()) {
          // The creator failed and withdrew; this node tries in its place.
          return installElected(connection, dialect, statements, tables);
        }
        if (state.getString(1).equals("done")) {
          return false;
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while another node created the cluster tables", e);
      }
    }
    throw new SQLException("another node began creating the cluster tables and has not finished"
        + " within 60 s; if it died, delete the row of " + ELECTION_TABLE + " and start again");
  }

  /** Reads the dialect's script and keeps its CREATE and ALTER statements. */
  static List<String> statements(Dialect dialect) {
    String script;
    try (InputStream in = Scheduler.class.getResourceAsStream(dialect.scriptResource())) {
      if (in == null) {
        throw new IllegalStateException("the Quartz jar has no " + dialect.scriptResource()
            + "; the cluster needs Quartz 2.5");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dialect.scriptResource(), e);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\\R", -1)) {
      String trimmed = line.trim();
      if (!trimmed.startsWith("--") && !trimmed.startsWith("#")) {
        withoutComments.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments.toString().split(";", -1)) {
      String trimmed = statement.trim();
      String upper = trimmed.toUpperCase(Locale.ROOT);
      // DROP would destroy a running cluster's schedule; COMMIT is implicit with auto-commit.
      if (upper.startsWith("CREATE") || upper.startsWith("ALTER")) {
        statements.add(trimmed);
      }
    }
    return statements;
  }

  /** The names of the tables the statements create, in script order. */
  static List<String> tables(List<String> statements) {
    List<String> tables = new ArrayList<>();
    for (String statement : statements) {
      Matcher matcher = CREATE_TABLE.matcher(statement);
      if (matcher.find()) {
        tables.add(matcher.group(1).toUpperCase(Locale.ROOT));
      }
    }
    return tables;
  }

  /**
   * Rewrites H2 statements so that running them again, or on two nodes at once, changes nothing.
   * H2 2.x also no longer knows the {@code IMAGE} column type of the Quartz script; {@code BLOB}
   * is what that type meant.
   */
  static List<String> idempotent(List<String> statements) {
    List<String> rewritten = new ArrayList<>(statements.size());
    for (String statement : statements) {
      rewritten.add(statement
          .replaceFirst("(?i)^CREATE\\s+TABLE\\s+", "CREATE TABLE IF NOT EXISTS ")
          .replaceFirst("(?i)^CREATE\\s+INDEX\\s+", "CREATE INDEX IF NOT EXISTS ")
          .replaceFirst("(?i)\\bADD\\s+CONSTRAINT\\s+", "ADD CONSTRAINT IF NOT EXISTS ")
          .replaceAll("(?i)\\bIMAGE\\b", "BLOB"));
    }
    return rewritten;
  }

  /** The tables of {@code tables} the connection's schema does not have. */
  static List<String> missing(Connection connection, List<String> tables) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    TreeSet<String> present = new TreeSet<>();
    try (ResultSet rows = metaData.getTables(
        connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        present.add(rows.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
      }
    }
    List<String> missing = new ArrayList<>();
    for (String table : tables) {
      if (!present.contains(table)) {
        missing.add(table);
      }
    }
    return missing;
  }

  private static void runAll(Connection connection, List<String> statements) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw new SQLException("creating the cluster tables failed at: " + firstLine(sql)
              + ": " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
      }
    }
  }

  private static void lock(Connection connection, Dialect dialect, String sql)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      if (dialect == Dialect.POSTGRESQL) {
        statement.setLong(1, PG_LOCK_KEY);
      } else {
        statement.setString(1, MYSQL_LOCK_NAME);
      }
      try (ResultSet result = statement.executeQuery()) {
        // MySQL's GET_LOCK answers 0 on timeout and NULL on error instead of throwing.
        if (dialect == Dialect.MYSQL && sql.equals(dialect.lockSql())
            && (!result.next() || result.getInt(1) != 1)) {
          throw new SQLException("another node held the schema lock '" + MYSQL_LOCK_NAME
              + "' for 120 s; is a node stuck while creating the tables?");
        }
      }
    }
  }

  private static String firstLine(String sql) {
    int newline = sql.indexOf('\n');
    return newline < 0 ? sql : sql.substring(0, newline).trim() + " ...";
  }
}
