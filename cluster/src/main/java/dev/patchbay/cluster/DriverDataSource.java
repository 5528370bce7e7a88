package dev.patchbay.cluster;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that opens a new connection through {@link DriverManager} each time, for
 * trying the cluster out. Quartz takes a connection for every transaction (several per run), so
 * a node that runs many tasks wants a pooling DataSource such as HikariCP's instead.
 *
 * <p>Its {@link #toString()} names the URL and user, never the password, so error messages can
 * say which database could not be reached.
 */
public final class DriverDataSource implements DataSource {
  private final String url;
  private final String user;
  private final String password;
  private volatile int loginTimeoutSeconds;

  private DriverDataSource(String url, String user, String password) {
    this.url = Objects.requireNonNull(url, "url");
    this.user = user;
    this.password = password;
  }

  /**
   * Creates a data source for a JDBC URL.
   *
   * @param url the JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/app}
   * @param user the user, or null to let the URL or driver decide
   * @param password the password, or null
   * @return the data source
   * @throws IllegalArgumentException when {@code url} does not start with {@code jdbc:}
   */
  public static DriverDataSource of(String url, String user, String password) {
    if (!Objects.requireNonNull(url, "url").startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "'" + JdbcUrls.redact(url) + "' is not a JDBC URL; it should start with jdbc:");
    }
    return new DriverDataSource(url, user, password);
  }

  /** Returns the JDBC URL with any password in it masked. */
  public String url() {
    return JdbcUrls.redact(url);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return getConnection(user, password);
  }

  @Override
  public Connection getConnection(String username, String pass) throws SQLException {
    Properties properties = new Properties();
    if (username != null) {
      properties.setProperty("user", username);
    }
    if (pass != null) {
      properties.setProperty("password", pass);
    }
    if (loginTimeoutSeconds > 0) {
      DriverManager.setLoginTimeout(loginTimeoutSeconds);
    }
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // DriverManager has its own log writer; this data source keeps none.
  }

  @Override
  public void setLoginTimeout(int seconds) {
    loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("DriverDataSource logs through its drivers");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("DriverDataSource does not wrap a " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  /** Returns the URL and user; never the password. */
  @Override
  public String toString() {
    return url() + (user == null ? "" : " (user " + user + ")");
  }
}
