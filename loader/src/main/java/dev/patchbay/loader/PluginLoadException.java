package dev.patchbay.loader;

import dev.patchbay.PluginInfo;
import java.util.Objects;

/**
 * Thrown when a plugin of a jar is listed but its class cannot be loaded or initialized, most
 * often because a class it needs is neither in its jar nor on the application's class path; or
 * when its jar, listed from its plugin listing, fails as its class loader is created (its index
 * does not list what the listing said, for one).
 *
 * <p>The message names the jar, the plugin and the missing class; every other plugin keeps
 * working.
 */
public final class PluginLoadException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient PluginJar jar;
  private final transient PluginInfo plugin;

  PluginLoadException(PluginJar jar, PluginInfo plugin, Throwable cause) {
    super(message(jar, plugin, cause), cause);
    this.jar = Objects.requireNonNull(jar, "jar");
    this.plugin = Objects.requireNonNull(plugin, "plugin");
  }

  /** For a plugin of a jar that could not be linked: {@code problem} says why. */
  PluginLoadException(PluginJar jar, PluginInfo plugin, String problem) {
    super("cannot create plugin '" + plugin.name() + "' (" + plugin.implementation() + ") of "
        + plugin.extensionPoint() + " from " + jar.describe() + ": " + problem);
    this.jar = jar;
    this.plugin = plugin;
  }

  /**
   * The jar the plugin comes from.
   *
   * @return the jar
   */
  public PluginJar jar() {
    return jar;
  }

  /**
   * The plugin that could not be created.
   *
   * @return its metadata
   */
  public PluginInfo plugin() {
    return plugin;
  }

  private static String message(PluginJar jar, PluginInfo plugin, Throwable cause) {
    String start = "cannot create plugin '" + plugin.name() + "' (" + plugin.implementation()
        + ") of " + plugin.extensionPoint() + " from " + jar.describe() + ": ";
    String missing = missingClass(cause);
    if (missing != null) {
      return start + "class " + missing + " is missing (" + cause.getClass().getName() + ")."
          + " Bundle it in the plugin jar, or put it on the application's class path and add its"
          + " package to the shared packages.";
    }
    return start + cause + ".";
  }

  /** The binary name of the class whose absence {@code cause} reports, or null. */
  static String missingClass(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ClassNotFoundException && t.getMessage() != null) {
        return t.getMessage().replace('/', '.');
      }
    }
    if (cause instanceof NoClassDefFoundError && cause.getMessage() != null
        && !cause.getMessage().contains(" ")) {
      // "a/b/C" when resolution failed; "Could not initialize class ..." is not about absence.
      return cause.getMessage().replace('/', '.');
    }
    return null;
  }
}
