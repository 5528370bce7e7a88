package dev.patchbay;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown when a registry is asked for a name no plugin answers to.
 *
 * <p>The message names the extension point, the unknown name, the nearest known name when one is
 * close enough, and every known name.
 */
public class UnknownPluginException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String extensionPoint;
  private final String requestedName;
  // Always a List.copyOf list, which is serializable; javac 21+ cannot see that from the type.
  @SuppressWarnings("serial")
  private final List<String> knownNames;
  private final String suggestion;

  /**
   * Creates the exception.
   *
   * @param extensionPoint binary name of the extension point that was asked
   * @param requestedName the name nothing answers to
   * @param knownNames the names (primary and aliases) that would have been accepted
   * @param suggestion the nearest known name, or null when none is close
   */
  public UnknownPluginException(
      String extensionPoint, String requestedName, List<String> knownNames, String suggestion) {
    super(message(extensionPoint, requestedName, knownNames, suggestion));
    this.extensionPoint = Objects.requireNonNull(extensionPoint, "extensionPoint");
    this.requestedName = String.valueOf(requestedName);
    this.knownNames = List.copyOf(knownNames);
    this.suggestion = suggestion;
  }

  /**
   * Builds the exception for {@code requestedName}, suggesting the nearest of {@code knownNames}.
   *
   * <p>A known name is suggested when it is within a small edit distance of the request (about a
   * third of its length) or differs from it only in letter case.
   *
   * @param extensionPoint binary name of the extension point that was asked
   * @param requestedName the name nothing answers to
   * @param knownNames the accepted names, primary and aliases
   * @return the exception, ready to throw
   */
  public static UnknownPluginException of(
      String extensionPoint, String requestedName, java.util.Collection<String> knownNames) {
    List<String> sorted = knownNames.stream().sorted().distinct().toList();
    return new UnknownPluginException(
        extensionPoint, requestedName, sorted, dev.patchbay.internal.Names.nearest(String.valueOf(requestedName), sorted));
  }

  private static String message(
      String extensionPoint, String requestedName, List<String> knownNames, String suggestion) {
    StringBuilder text = new StringBuilder()
        .append("no ").append(extensionPoint).append(" plugin is named '")
        .append(requestedName).append('\'');
    if (suggestion != null) {
      text.append("; did you mean '").append(suggestion).append("'?");
    } else {
      text.append('.');
    }
    text.append(knownNames.isEmpty()
        ? " No plugins are registered."
        : " Known names: " + String.join(", ", knownNames) + ".");
    return text.toString();
  }

  /**
   * Binary name of the extension point that was asked.
   *
   * @return the extension point's binary name
   */
  public String extensionPoint() {
    return extensionPoint;
  }

  /**
   * The name that no plugin answers to.
   *
   * @return the requested name
   */
  public String requestedName() {
    return requestedName;
  }

  /**
   * The names that would have been accepted, sorted.
   *
   * @return an unmodifiable list of names
   */
  public List<String> knownNames() {
    return knownNames;
  }

  /**
   * The nearest known name, when one is close enough to be a likely typo.
   *
   * @return the suggestion, or empty
   */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }
}
