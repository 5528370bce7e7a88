package dev.patchbay.samples.backends;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the user said about a connection; anything left null is looked up by the backend in
 * {@link #environment()} (for example {@code PATCHBAY_PG_URL}) or defaulted.
 *
 * @param url a JDBC URL, or null
 * @param user a user name, or null
 * @param password a password, or null
 * @param databaseFile a database file for embedded engines, or null for in-memory
 * @param environment environment variables to read defaults from
 */
public record ConnectionSettings(
    String url, String user, String password, Path databaseFile, Map<String, String> environment) {

  /** Copies the environment. */
  public ConnectionSettings {
    environment = Map.copyOf(environment);
  }

  /**
   * Settings with nothing given: every value comes from the environment or defaults.
   *
   * @param environment environment variables to read defaults from
   * @return the settings
   */
  public static ConnectionSettings fromEnvironment(Map<String, String> environment) {
    return new ConnectionSettings(null, null, null, null, environment);
  }

  /**
   * The given URL, or else the non-blank value of environment variable {@code variable}.
   *
   * @param variable an environment variable name
   * @return the URL, or empty
   */
  public Optional<String> urlOr(String variable) {
    return given(url, variable);
  }

  /**
   * The given user, or else the non-blank value of environment variable {@code variable}.
   *
   * @param variable an environment variable name
   * @return the user, or empty
   */
  public Optional<String> userOr(String variable) {
    return given(user, variable);
  }

  /**
   * The given password, or else the value of environment variable {@code variable}.
   *
   * @param variable an environment variable name
   * @return the password, or empty
   */
  public Optional<String> passwordOr(String variable) {
    return given(password, variable);
  }

  private Optional<String> given(String value, String variable) {
    if (value != null) {
      return Optional.of(value);
    }
    String fromEnvironment = environment.get(variable);
    return fromEnvironment == null || fromEnvironment.isBlank()
        ? Optional.empty() : Optional.of(fromEnvironment);
  }
}
