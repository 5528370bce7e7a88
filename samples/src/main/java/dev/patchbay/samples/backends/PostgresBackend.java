package dev.patchbay.samples.backends;

import dev.patchbay.Plugin;
import java.util.Properties;

/**
 * PostgreSQL through its JDBC driver; URL, user and password from the options or from
 * {@code PATCHBAY_PG_URL}, {@code PATCHBAY_PG_USER}, {@code PATCHBAY_PG_PASSWORD}.
 */
@Plugin(
    value = "postgres",
    aliases = {"postgresql", "pg"},
    description = "PostgreSQL server: --url jdbc:postgresql://HOST:PORT/DB or PATCHBAY_PG_URL",
    priority = 5)
public final class PostgresBackend extends JdbcBackend {
  /** Environment variable holding the JDBC URL. */
  public static final String URL_ENV = "PATCHBAY_PG_URL";
  /** Environment variable holding the user name. */
  public static final String USER_ENV = "PATCHBAY_PG_USER";
  /** Environment variable holding the password. */
  public static final String PASSWORD_ENV = "PATCHBAY_PG_PASSWORD";

  /** Creates the backend; {@link #connect} opens the connection. */
  public PostgresBackend() {}

  @Override
  protected String url(ConnectionSettings settings) {
    String url = settings.urlOr(URL_ENV).orElseThrow(() -> new IllegalArgumentException(
        "backend 'postgres' needs a server: pass --url jdbc:postgresql://127.0.0.1:5432/DB"
            + " or set " + URL_ENV));
    return requirePrefix("postgres", url, "jdbc:postgresql:");
  }

  @Override
  protected Properties credentials(ConnectionSettings settings) {
    return properties(settings.userOr(USER_ENV).orElse(null),
        settings.passwordOr(PASSWORD_ENV).orElse(null));
  }
}
