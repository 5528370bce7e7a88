package dev.patchbay.cluster;

import java.util.Locale;

/**
 * The databases the cluster supports: which DDL script of the Quartz jar creates the tables, which
 * Quartz delegate reads them, and how nodes starting together take turns creating them.
 */
enum Dialect {
  POSTGRESQL("tables_postgres.sql", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate",
      "SELECT pg_advisory_lock(?)", "SELECT pg_advisory_unlock(?)"),
  MYSQL("tables_mysql_innodb.sql", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate",
      "SELECT GET_LOCK(?, 120)", "SELECT RELEASE_LOCK(?)"),
  // H2 has no advisory lock; its DDL is made idempotent instead (see SchemaInstaller).
  H2("tables_h2.sql", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate", null, null);

  /** Where Quartz keeps its DDL scripts inside its jar. */
  private static final String SCRIPT_FOLDER = "/org/quartz/impl/jdbcjobstore/";

  private final String script;
  private final String delegateClass;
  private final String lockSql;
  private final String unlockSql;

  Dialect(String script, String delegateClass, String lockSql, String unlockSql) {
    this.script = script;
    this.delegateClass = delegateClass;
    this.lockSql = lockSql;
    this.unlockSql = unlockSql;
  }

  /** Returns the resource path of the Quartz DDL script for this database. */
  String scriptResource() {
    return SCRIPT_FOLDER + script;
  }

  /** Returns the binary name of the Quartz driver delegate for this database. */
  String delegateClass() {
    return delegateClass;
  }

  /** Returns the statement that takes the schema lock, or null when the database has none. */
  String lockSql() {
    return lockSql;
  }

  /** Returns the statement that releases the schema lock, or null when the database has none. */
  String unlockSql() {
    return unlockSql;
  }

  /**
   * Picks the dialect for a JDBC product name.
   *
   * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
   * @param url the JDBC URL, for the error message
   * @return the dialect
   * @throws IllegalArgumentException when the database is not one the cluster supports
   */
  static Dialect forProduct(String productName, String url) {
    String name = String.valueOf(productName).toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.contains("mysql") || name.contains("mariadb")) {
      return MYSQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException("the database at " + url + " is " + productName
        + "; the cluster runs on PostgreSQL, MySQL/MariaDB (InnoDB) or H2");
  }
}
