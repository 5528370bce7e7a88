package dev.patchbay.samples.backends;

import dev.patchbay.samples.table.Table;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What the JDBC backends share: statements, result reading, closing. A subclass only says how to
 * build its URL and credentials; the driver is found by {@link DriverManager}'s service lookup.
 */
public abstract class JdbcBackend implements DatabaseBackend {
  private Connection connection;
  private String connectedUrl;

  /** Creates a backend that is not connected yet. */
  protected JdbcBackend() {}

  /**
   * The JDBC URL to open for {@code settings}.
   *
   * @param settings what the user gave
   * @return a JDBC URL of this engine
   * @throws IllegalArgumentException when no usable URL can be built
   */
  protected abstract String url(ConnectionSettings settings);

  /**
   * The connection properties (user, password) for {@code settings}.
   *
   * @param settings what the user gave
   * @return the properties to pass to the driver
   */
  protected abstract Properties credentials(ConnectionSettings settings);

  @Override
  public void connect(ConnectionSettings settings) throws SQLException {
    if (connection != null) {
      throw new IllegalStateException("already connected to " + connectedUrl
          + "; close() before connecting again");
    }
    String url = url(settings);
    connection = DriverManager.getConnection(url, credentials(settings));
    connectedUrl = url;
  }

  @Override
  public QueryResult execute(String sql, Object... parameters) throws SQLException {
    if (connection == null) {
      throw new IllegalStateException("not connected: call connect(settings) before execute");
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      if (!statement.execute()) {
        return QueryResult.updated(statement.getUpdateCount());
      }
      try (ResultSet results = statement.getResultSet()) {
        return QueryResult.rows(read(results));
      }
    }
  }

  private static Table read(ResultSet results) throws SQLException {
    ResultSetMetaData meta = results.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      columns.add(meta.getColumnLabel(c));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (results.next()) {
      List<Object> row = new ArrayList<>(columns.size());
      for (int c = 1; c <= columns.size(); c++) {
        row.add(results.getObject(c));
      }
      rows.add(row);
    }
    return new Table(columns, rows);
  }

  @Override
  public String describeConnection() {
    return connectedUrl == null ? "not connected" : connectedUrl;
  }

  @Override
  public void close() throws SQLException {
    if (connection != null) {
      try {
        connection.close();
      } finally {
        connection = null;
        connectedUrl = null;
      }
    }
  }

  /**
   * Builds driver properties from a user and password, leaving out what is absent.
   *
   * @param user the user, or null
   * @param password the password, or null
   * @return the properties
   */
  protected static Properties properties(String user, String password) {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    return properties;
  }

  /**
   * Rejects a URL of another engine with a message naming the expected prefix.
   *
   * @param backend this backend's name
   * @param url the URL given
   * @param prefixes accepted URL prefixes
   * @return {@code url}
   */
  protected static String requirePrefix(String backend, String url, String... prefixes) {
    for (String prefix : prefixes) {
      if (url.startsWith(prefix)) {
        return url;
      }
    }
    throw new IllegalArgumentException("backend '" + backend + "' needs a URL starting with "
        + String.join(" or ", prefixes) + ", not '" + url + "'; pick the backend that matches"
        + " the URL with --backend");
  }
}
