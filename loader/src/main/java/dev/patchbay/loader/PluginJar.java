package dev.patchbay.loader;

import dev.patchbay.PluginInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One jar of a plugin folder as last read: where it is, what it calls itself, the plugins its
 * index lists, and why it could not be loaded, if it could not.
 *
 * <p>Holds no reference to the jar's class loader or classes, so keeping a {@code PluginJar}
 * (say, in a log or a listener) never keeps an unloaded jar in memory.
 *
 * @param path the jar file
 * @param id the plugin id: the manifest's {@code Patchbay-Plugin-Id}, else the file name without
 *     {@code .jar} and without a trailing {@code -<version>}
 * @param version the manifest's {@code Implementation-Version}, else the {@code -<version>} at the
 *     end of the file name, else empty
 * @param plugins every plugin the jar's index lists, of every extension point, read without
 *     loading a plugin class; empty when the jar could not be loaded
 * @param problem why the jar could not be loaded, naming the file, the cause and the fix; empty
 *     when it is loaded
 */
public record PluginJar(
    Path path, String id, String version, List<PluginInfo> plugins, Optional<String> problem) {

  /** Checks the components and makes {@code plugins} an unmodifiable copy. */
  public PluginJar {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    plugins = List.copyOf(plugins);
    Objects.requireNonNull(problem, "problem");
  }

  /**
   * Tells whether the jar is loaded, that is, whether it has no problem.
   *
   * @return true when its plugins can be created
   */
  public boolean loaded() {
    return problem.isEmpty();
  }

  /**
   * Describes the jar for messages: its id, version and file.
   *
   * @return for example {@code jar 'shout' 2.0 (/srv/plugins/shout-2.0.jar)}
   */
  public String describe() {
    return "jar '" + id + "'" + (version.isEmpty() ? "" : " " + version) + " (" + path + ")";
  }
}
