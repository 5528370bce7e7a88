package dev.patchbay.processor.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plugins of one extension point compiled in this compilation, in registry order.
 *
 * @param extensionPoint the extension point
 * @param plugins its plugins, sorted by descending priority, then name (the order of
 *     {@code plugins()} and {@code createAll()})
 */
public record PluginTable(ExtensionPointModel extensionPoint, List<PluginModel> plugins) {

  /** Orders in registry order; the order the plugins were found in never shows in the output. */
  public static final Comparator<PluginModel> REGISTRY_ORDER =
      Comparator.comparingInt(PluginModel::priority).reversed()
          .thenComparing(PluginModel::name)
          .thenComparing(PluginModel::binaryName);

  /** Sorts and copies the plugins. */
  public PluginTable {
    List<PluginModel> sorted = new ArrayList<>(plugins);
    sorted.sort(REGISTRY_ORDER);
    plugins = List.copyOf(sorted);
  }
}
