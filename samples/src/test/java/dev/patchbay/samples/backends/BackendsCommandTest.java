package dev.patchbay.samples.backends;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BackendsCommandTest {

  @Test
  void default_runsTheSessionOnInMemorySqlite() {
    CliRunner.Result result = CliRunner.run("backends");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("jdbc:sqlite::memory:"), result::toString);
    assertTrue(result.out().contains("SqliteBackend"), result::toString);
    // Rows come back aligned under their header, in id order.
    String expected = String.join("\n",
        "id | name         | email",
        "-- | ------------ | -----------------",
        " 1 | Ada Lovelace | ada@example.org",
        " 2 | Alan Turing  | alan@example.org",
        " 3 | Grace Hopper | grace@example.org",
        "(3 rows)");
    assertTrue(result.out().contains(expected), result::toString);
    assertEquals("", result.err());
  }

  @Test
  void dbOption_writesARealSqliteFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("samples.db");

    CliRunner.Result result = CliRunner.run("backends", "--backend", "sqlite3", "--db",
        file.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains(file.toAbsolutePath().toString()), result::toString);
    // An SQLite database file starts with this magic header.
    byte[] header = Files.readAllBytes(file);
    assertEquals("SQLite format 3", new String(header, 0, 15, java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void list_printsEveryPluginWithItsDescription() {
    CliRunner.Result result = CliRunner.run("backends", "--list");

    assertEquals(0, result.exitCode(), result::toString);
    String[] lines = result.out().split("\n");
    // Priority order: sqlite (10) first, then mysql and postgres (5) by name.
    assertTrue(lines[2].startsWith("sqlite "), result::toString);
    assertTrue(lines[3].startsWith("mysql "), result::toString);
    assertTrue(lines[4].startsWith("postgres "), result::toString);
    assertTrue(result.out().contains("postgresql, pg"), result::toString);
    assertTrue(result.out().contains("embedded"), result::toString);
  }

  @Test
  void unknownBackend_isExitCode2WithDidYouMean() {
    CliRunner.Result result = CliRunner.run("backends", "--backend", "sqlit");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
    assertTrue(result.err().contains("did you mean 'sqlite'?"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void postgresWithoutUrl_saysHowToGiveOne() {
    CliRunner.Result result = CliRunner.run("backends", "--backend", "postgres", "--url",
        "jdbc:sqlite::memory:");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("jdbc:postgresql:"), result::toString);
  }

  @Test
  void unreachableServer_isOneLineFailureWithExitCode1() {
    // Port 1 on loopback: nothing listens there, so the driver's connect is refused at once.
    CliRunner.Result result = CliRunner.run("backends", "--backend", "postgres", "--url",
        "jdbc:postgresql://127.0.0.1:1/none", "--user", "nobody");

    assertEquals(CliErrors.FAILURE, result.exitCode(), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
    assertTrue(result.err().contains("could not connect"), result::toString);
  }
}
