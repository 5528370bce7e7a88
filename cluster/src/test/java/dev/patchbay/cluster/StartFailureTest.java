package dev.patchbay.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Start-up failures name the database by URL, never by password; no server needed. */
final class StartFailureTest {
  @Test
  void unreachableDatabase_failsStartWithTheUrlAndCause_neverThePassword() {
    DriverDataSource nowhere = DriverDataSource.of(
        "jdbc:postgresql://127.0.0.1:1/patchbay?password=url-secret&ssl=false", "someone",
        "argument-secret");

    ClusterStartException failure = assertThrows(ClusterStartException.class,
        () -> ClusterScheduler.builder(nowhere).nodeId("node-a").start());

    String message = failure.getMessage();
    assertTrue(message.startsWith("node node-a cannot reach the database at"
        + " jdbc:postgresql://127.0.0.1:1/patchbay?password=***&ssl=false: "), message);
    assertTrue(message.contains("Connection to 127.0.0.1:1 refused"), message);
    assertFalse(message.contains("secret"), message);
    assertTrue(failure.getCause() instanceof SQLException, () -> String.valueOf(failure.getCause()));
  }

  @Test
  void unsupportedDatabase_isNamed() {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> Dialect.forProduct("Apache Derby", "jdbc:derby:memory:x"));
    assertEquals("the database at jdbc:derby:memory:x is Apache Derby; the cluster runs on"
        + " PostgreSQL, MySQL/MariaDB (InnoDB) or H2", failure.getMessage());
  }

  @Test
  void redact_masksPasswordsInParametersAndUserInfo() {
    assertEquals("jdbc:mysql://app:***@db:3306/x", JdbcUrls.redact("jdbc:mysql://app:pw@db:3306/x"));
    assertEquals("jdbc:sqlserver://db;user=a;password=***;encrypt=true",
        JdbcUrls.redact("jdbc:sqlserver://db;user=a;password=pw;encrypt=true"));
    assertEquals("jdbc:h2:mem:x", JdbcUrls.redact("jdbc:h2:mem:x"));
    assertThrows(IllegalArgumentException.class,
        () -> DriverDataSource.of("postgresql://db/x", null, null));
  }

  @Test
  void scripts_keepCreateAndAlter_neverDrop() {
    for (Dialect dialect : Dialect.values()) {
      var statements = SchemaInstaller.statements(dialect);
      assertTrue(statements.stream().noneMatch(s -> s.toUpperCase().startsWith("DROP")),
          dialect + ": " + statements);
      assertEquals(11, SchemaInstaller.tables(statements).size(), dialect + ": " + statements);
      assertTrue(SchemaInstaller.tables(statements).contains("QRTZ_LOCKS"));
    }
  }
}
