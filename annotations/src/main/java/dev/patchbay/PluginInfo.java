package dev.patchbay;

import java.util.List;
import java.util.Objects;

/**
 * What a registry knows about one plugin without loading its class.
 *
 * @param name the primary name the plugin is registered under
 * @param aliases further names that resolve to the plugin
 * @param description one line for people choosing a plugin; may be empty
 * @param priority ordering weight, higher first
 * @param implementation binary name of the plugin class (not loaded by reading this record)
 * @param extensionPoint binary name of the extension point the plugin is registered for
 */
public record PluginInfo(
    String name,
    List<String> aliases,
    String description,
    int priority,
    String implementation,
    String extensionPoint) {

  /** Checks the components and makes {@code aliases} an unmodifiable copy. */
  public PluginInfo {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(extensionPoint, "extensionPoint");
  }

  /**
   * Tells whether {@code candidate} is this plugin's name or one of its aliases.
   *
   * @param candidate a name to test
   * @return true when the candidate names this plugin
   */
  public boolean answersTo(String candidate) {
    return name.equals(candidate) || aliases.contains(candidate);
  }
}
