package dev.patchbay.samples.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patchbay.samples.CliRunner;
import dev.patchbay.samples.table.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the server backends against real PostgreSQL and MariaDB servers, started on 127.0.0.1 by
 * {@code .ci/start-databases.sh}; skips with the reason when the variables are not set.
 */
final class ServerBackendsTest {

  @Test
  void postgres_runsTheSessionOnARealServer() throws Exception {
    runOn("postgres", PostgresBackend.URL_ENV, PostgresBackend.USER_ENV,
        PostgresBackend.PASSWORD_ENV, "PostgresBackend");
  }

  @Test
  void mysql_runsTheSessionOnARealServer() throws Exception {
    runOn("mysql", MysqlBackend.URL_ENV, MysqlBackend.USER_ENV, MysqlBackend.PASSWORD_ENV,
        "MysqlBackend");
  }

  private static void runOn(String backend, String urlEnv, String userEnv, String passwordEnv,
      String implementation) throws Exception {
    Map<String, String> env = System.getenv();
    String url = env.get(urlEnv);
    assumeTrue(url != null && !url.isBlank(), () -> "no " + backend + " server: " + urlEnv
        + " is not set (.ci/start-databases.sh starts one on 127.0.0.1 and sets it)");

    // Through the API, settings from the environment only.
    try (DatabaseBackend database = DatabaseBackendRegistry.create(backend)) {
      database.connect(ConnectionSettings.fromEnvironment(env));
      Table rows = BackendsCommand.runSession(database);
      assertEquals(List.of("id", "name", "email"),
          rows.columns().stream().map(String::toLowerCase).toList());
      assertEquals(3, rows.rows().size());
      assertEquals("Grace Hopper", rows.rows().get(2).get(1));
      assertEquals(3, ((Number) rows.rows().get(2).get(0)).intValue());
    }

    // Through the CLI, settings from the options.
    CliRunner.Result result = CliRunner.run("backends", "--backend", backend, "--url", url,
        "--user", env.getOrDefault(userEnv, ""), "--password", env.getOrDefault(passwordEnv, ""));
    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains(implementation), result::toString);
    assertTrue(result.out().contains("Grace Hopper | grace@example.org"), result::toString);
    assertTrue(result.out().contains("(3 rows)"), result::toString);
  }
}
