package dev.patchbay.samples.backends;

import dev.patchbay.Plugin;
import java.util.Properties;

/**
 * MySQL or MariaDB through the MariaDB JDBC driver; URL, user and password from the options or
 * from {@code PATCHBAY_MYSQL_URL}, {@code PATCHBAY_MYSQL_USER}, {@code PATCHBAY_MYSQL_PASSWORD}.
 */
@Plugin(
    value = "mysql",
    aliases = {"mariadb"},
    description = "MySQL/MariaDB server: --url jdbc:mariadb://HOST:PORT/DB or PATCHBAY_MYSQL_URL",
    priority = 5)
public final class MysqlBackend extends JdbcBackend {
  /** Environment variable holding the JDBC URL. */
  public static final String URL_ENV = "PATCHBAY_MYSQL_URL";
  /** Environment variable holding the user name. */
  public static final String USER_ENV = "PATCHBAY_MYSQL_USER";
  /** Environment variable holding the password. */
  public static final String PASSWORD_ENV = "PATCHBAY_MYSQL_PASSWORD";

  /** Creates the backend; {@link #connect} opens the connection. */
  public MysqlBackend() {}

  @Override
  protected String url(ConnectionSettings settings) {
    String url = settings.urlOr(URL_ENV).orElseThrow(() -> new IllegalArgumentException(
        "backend 'mysql' needs a server: pass --url jdbc:mariadb://127.0.0.1:3306/DB"
            + " or set " + URL_ENV));
    requirePrefix("mysql", url, "jdbc:mariadb:", "jdbc:mysql:");
    // The MariaDB driver takes jdbc:mysql: URLs only with an opt-in flag; people copy those
    // URLs from MySQL documentation, so accept them as the same server.
    return url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length())
        : url;
  }

  @Override
  protected Properties credentials(ConnectionSettings settings) {
    return properties(settings.userOr(USER_ENV).orElse(null),
        settings.passwordOr(PASSWORD_ENV).orElse(null));
  }
}
