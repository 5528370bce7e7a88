package dev.patchbay.processor.writing;

import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.IndexModel;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.PluginTable;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the {@code META-INF/services} files of a compilation: one per extension point with
 * plugins {@code ServiceLoader} can instantiate, and one registering the plugin index.
 *
 * <p>Only contents are computed here (sorted, so the bytes never depend on discovery order); the
 * step writes them through the {@code Filer} in the last round.
 */
public final class ServiceFileGenerator {
  /** The service file that registers plugin indexes. */
  public static final String INDEX_SERVICE = TypeNames.SERVICES_DIRECTORY + TypeNames.PLUGIN_INDEX;

  private ServiceFileGenerator() {}

  /**
   * The service files of a compilation, by resource path.
   *
   * <p>A plugin is listed under its extension point when {@code ServiceLoader} can create it on
   * the class path: it has a public no-argument constructor and the extension point does not
   * require constructor arguments. Plugins with only a {@code provider()} method are left out
   * (the class path ignores {@code provider()}); on the module path, {@code provides} applies.
   *
   * @param index the generated index and its tables
   * @return resource path to file content (one binary name per line)
   */
  public static Map<String, String> serviceFiles(IndexModel index) {
    Map<String, String> files = new TreeMap<>();
    for (PluginTable table : index.tables()) {
      if (!table.extensionPoint().createsWithoutArguments()) {
        continue;
      }
      TreeSet<String> lines = new TreeSet<>();
      for (PluginModel plugin : table.plugins()) {
        if (plugin.hasPublicNoArgConstructor()) {
          lines.add(plugin.binaryName());
        }
      }
      if (!lines.isEmpty()) {
        files.put(TypeNames.SERVICES_DIRECTORY + table.extensionPoint().binaryName(), String.join("\n", lines) + "\n");
      }
    }
    files.put(INDEX_SERVICE, index.className().reflectionName() + "\n");
    return files;
  }
}
