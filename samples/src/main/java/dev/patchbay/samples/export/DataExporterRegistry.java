package dev.patchbay.samples.export;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.samples.InterimRegistry;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Stand-in for the generated registry until the processor lands; delete on merge. */
public final class DataExporterRegistry {
  private static final Registry<DataExporter> REGISTRY =
      new InterimRegistry<>(DataExporter.class)
          .add("csv", List.of(), "Comma-separated values with a header line (RFC 4180 quoting)", 10, CsvExporter.class, CsvExporter::new)
          .add("json", List.of(), "A JSON array of objects, one per row, keys in column order", 5, JsonExporter.class, JsonExporter::new);

  private DataExporterRegistry() {}

  /** @return the registry view */
  public static Registry<DataExporter> registry() { return REGISTRY; }
  /** @return a new plugin */
  public static DataExporter create(String name) { return REGISTRY.create(name); }
  /** @return a new plugin or empty */
  public static Optional<DataExporter> find(String name) { return REGISTRY.find(name); }
  /** @return names */
  public static SortedSet<String> names() { return REGISTRY.names(); }
  /** @return metadata */
  public static List<PluginInfo> plugins() { return REGISTRY.plugins(); }
  /** @return all plugins */
  public static List<DataExporter> createAll() { return REGISTRY.createAll(); }
}
