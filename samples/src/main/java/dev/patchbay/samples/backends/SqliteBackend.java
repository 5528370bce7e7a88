package dev.patchbay.samples.backends;

import dev.patchbay.Plugin;
import java.util.Properties;

/** SQLite, embedded through the xerial JDBC driver: in memory, or in a file with {@code --db}. */
@Plugin(
    value = "sqlite",
    aliases = {"sqlite3"},
    description = "SQLite, embedded: in memory by default, or a file with --db FILE",
    priority = 10)
public final class SqliteBackend extends JdbcBackend {

  /** Creates the backend; {@link #connect} opens the database. */
  public SqliteBackend() {}

  @Override
  protected String url(ConnectionSettings settings) {
    if (settings.url() != null) {
      return requirePrefix("sqlite", settings.url(), "jdbc:sqlite:");
    }
    return settings.databaseFile() == null
        ? "jdbc:sqlite::memory:"
        : "jdbc:sqlite:" + settings.databaseFile().toAbsolutePath();
  }

  @Override
  protected Properties credentials(ConnectionSettings settings) {
    // SQLite has no users; a file's permissions are its access control.
    return new Properties();
  }
}
