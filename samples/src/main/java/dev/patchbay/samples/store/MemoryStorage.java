package dev.patchbay.samples.store;

import dev.patchbay.Plugin;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Keeps data in this process's memory: fast, and gone when the process exits. */
@Plugin(value = "memory", aliases = {"mem"},
    description = "In this process's memory; gone when it exits", priority = 5)
public final class MemoryStorage implements StorageEngine {
  // Sorted and thread-safe, so list() needs no copy-under-lock.
  private final ConcurrentSkipListMap<String, String> data = new ConcurrentSkipListMap<>();

  /** Creates an empty store. */
  public MemoryStorage() {}

  @Override
  public void open(Path directory) {
    // Nothing on disk.
  }

  @Override
  public String location() {
    return "this process's memory (gone when it exits)";
  }

  @Override
  public void save(String key, String value) {
    data.put(StorageEngine.requireValidKey(key), value);
  }

  @Override
  public Optional<String> load(String key) {
    return Optional.ofNullable(data.get(key));
  }

  @Override
  public SortedMap<String, String> list() {
    return Collections.unmodifiableSortedMap(new java.util.TreeMap<>(data));
  }
}
