package dev.patchbay.samples.backends;

import dev.patchbay.ExtensionPoint;
import java.sql.SQLException;

/**
 * A database engine the samples can talk to: connect, run statements, close.
 *
 * <p>Plugins are chosen by name ({@code sqlite}, {@code postgres}, {@code mysql}) through the
 * generated {@code DatabaseBackendRegistry}; the code that uses them holds no engine-specific
 * logic.
 */
@ExtensionPoint
public interface DatabaseBackend extends AutoCloseable {

  /**
   * Opens the connection; settings the user left out come from the environment or defaults.
   *
   * @param settings URL, credentials or database file
   * @throws SQLException when the database cannot be reached
   * @throws IllegalArgumentException when the settings cannot work for this engine (no URL, a URL
   *     of another engine)
   */
  void connect(ConnectionSettings settings) throws SQLException;

  /**
   * Runs one SQL statement with {@code ?} parameters.
   *
   * @param sql the statement
   * @param parameters values for its {@code ?} placeholders, in order
   * @return the rows of a query, or the update count of any other statement
   * @throws SQLException when the database rejects the statement
   * @throws IllegalStateException when not connected
   */
  QueryResult execute(String sql, Object... parameters) throws SQLException;

  /**
   * Describes where this backend is connected, without the password.
   *
   * @return for example {@code jdbc:sqlite::memory:}
   */
  String describeConnection();

  /**
   * Closes the connection; does nothing when not connected.
   *
   * @throws SQLException when closing fails
   */
  @Override
  void close() throws SQLException;
}
