package dev.patchbay.samples.store;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.samples.InterimRegistry;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Stand-in for the generated registry until the processor lands; delete on merge. */
public final class StorageEngineRegistry {
  private static final Registry<StorageEngine> REGISTRY =
      new InterimRegistry<>(StorageEngine.class)
          .add("file", List.of("json"), "A JSON file", 10, FileStorage.class, FileStorage::new)
          .add("memory", List.of("mem"), "In memory", 5, MemoryStorage.class, MemoryStorage::new);

  private StorageEngineRegistry() {}

  /** @return the registry view */
  public static Registry<StorageEngine> registry() { return REGISTRY; }
  /** @return a new plugin */
  public static StorageEngine create(String name) { return REGISTRY.create(name); }
  /** @return a new plugin or empty */
  public static Optional<StorageEngine> find(String name) { return REGISTRY.find(name); }
  /** @return names */
  public static SortedSet<String> names() { return REGISTRY.names(); }
  /** @return metadata */
  public static List<PluginInfo> plugins() { return REGISTRY.plugins(); }
  /** @return all plugins */
  public static List<StorageEngine> createAll() { return REGISTRY.createAll(); }
}
