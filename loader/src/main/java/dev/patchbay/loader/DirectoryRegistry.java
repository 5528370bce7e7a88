package dev.patchbay.loader;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.UnknownPluginException;
import dev.patchbay.spi.PluginIndex;
import dev.patchbay.spi.PluginTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The live registry of one extension point over a {@link PluginDirectory}: the application's
 * plugins plus every loaded jar's, merged again after each reload.
 *
 * <p>Clash rule: a name (primary or alias) that plugins of two different sources answer to (two
 * jars, or a jar and the application) is ambiguous. Looking it up throws an
 * {@link IllegalStateException} naming both sources; every other name keeps working, so one jar
 * cannot take the others down. The same class listed twice by the application's own jars (a
 * shaded copy) is one plugin, as in {@code Registries.of}.
 */
final class DirectoryRegistry<T> implements Registry<T> {
  private static final Object[] NO_ARGUMENTS = new Object[0];
  private static final Comparator<Entry> ORDER =
      Comparator.comparingInt((Entry e) -> -e.info.priority()).thenComparing(e -> e.info.name());

  private final PluginDirectory directory;
  private final Class<T> type;
  private final String typeName;
  private final List<PluginIndex> application;
  // The merged table of the snapshot with table.generation; null after a reload. Racy but benign:
  // tables are immutable, and a stale one is recognized by its generation and rebuilt.
  private volatile Table table;

  DirectoryRegistry(PluginDirectory directory, Class<T> type) {
    this.directory = directory;
    this.type = type;
    this.typeName = type.getName();
    this.application = directory.applicationIndexes(typeName);
  }

  /** Drops the merged table, which references the jars of the previous snapshot. */
  void invalidate() {
    table = null;
  }

  private Table table() {
    Snapshot snapshot = directory.snapshot();
    // Read before the jars: a jar failing while the table is built makes the next call rebuild.
    long failures = directory.linkFailures();
    Table current = table;
    if (current == null || current.generation != snapshot.generation()
        || current.failures != failures) {
      current = Table.build(typeName, application, snapshot, failures);
      table = current;
      if (directory.snapshot() != snapshot) {
        table = null; // a reload raced us: do not keep the old jars reachable
      }
    }
    return current;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public SortedSet<String> names() {
    return table().names;
  }

  @Override
  public boolean contains(String name) {
    Table current = table();
    return current.byName.containsKey(name) || current.clashes.containsKey(name);
  }

  @Override
  public T create(String name) {
    return createWith(name, NO_ARGUMENTS);
  }

  @Override
  public Optional<T> find(String name) {
    Objects.requireNonNull(name, "name");
    Table current = table();
    if (!current.byName.containsKey(name) && !current.clashes.containsKey(name)) {
      return Optional.empty();
    }
    return Optional.of(createWith(name, NO_ARGUMENTS));
  }

  @Override
  public List<PluginInfo> plugins() {
    return table().plugins;
  }

  @Override
  public List<T> createAll() {
    Table current = table();
    List<T> instances = new ArrayList<>(current.ordered.size());
    for (Entry entry : current.ordered) {
      instances.add(instantiate(entry, NO_ARGUMENTS));
    }
    return instances;
  }

  @Override
  public T createWith(String name, Object... arguments) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
    Table current = table();
    Entry entry = current.byName.get(name);
    if (entry == null) {
      List<Entry> clashing = current.clashes.get(name);
      if (clashing != null) {
        throw clash(name, clashing);
      }
      throw UnknownPluginException.of(typeName, name, current.allNames());
    }
    return instantiate(entry, arguments);
  }

  private T instantiate(Entry entry, Object[] arguments) {
    PluginIndex index = entry.index;
    if (entry.source != null) {
      // A jar listed from its listing gets its class loader and index here, on first use.
      index = entry.source.index(entry.indexNumber);
      if (index == null) {
        throw new PluginLoadException(entry.jar, entry.info, entry.source.problem());
      }
    }
    try {
      return type.cast(index.create(typeName, entry.info.name(), arguments));
    } catch (LinkageError e) {
      if (entry.jar == null) {
        throw e;
      }
      throw new PluginLoadException(entry.jar, entry.info, e);
    }
  }

  private IllegalStateException clash(String name, List<Entry> clashing) {
    StringBuilder text = new StringBuilder().append(clashing.size()).append(" plugins of ")
        .append(typeName).append(" answer to the name '").append(name).append("': ");
    for (int i = 0; i < clashing.size(); i++) {
      Entry entry = clashing.get(i);
      text.append(i == 0 ? "" : i == clashing.size() - 1 ? " and " : ", ")
          .append(entry.info.implementation()).append(" from ").append(entry.origin());
    }
    return new IllegalStateException(text.append(". A name must belong to one plugin jar:"
        + " rename the plugin in its @Plugin annotation, or remove one of the jars.").toString());
  }

  @Override
  public String toString() {
    return "Registry[" + typeName + " in " + directory.folder() + ", " + names() + "]";
  }

  /** One plugin and where it comes from. */
  private static final class Entry {
    final PluginInfo info;
    final PluginIndex index; // the application's index; null for a jar's plugins
    final LoadedJar source; // null for the application's own plugins
    final int indexNumber; // which of the source's indexes lists the plugin
    final PluginJar jar; // the source as listed; null for the application's own plugins

    Entry(PluginInfo info, PluginIndex index) {
      this.info = info;
      this.index = index;
      this.source = null;
      this.indexNumber = -1;
      this.jar = null;
    }

    Entry(PluginInfo info, LoadedJar source, int indexNumber, PluginJar jar) {
      this.info = info;
      this.index = null;
      this.source = source;
      this.indexNumber = indexNumber;
      this.jar = jar;
    }

    boolean sameSource(Entry other) {
      return Objects.equals(jar, other.jar);
    }

    String origin() {
      if (jar != null) {
        return jar.describe();
      }
      var source = index.getClass().getProtectionDomain().getCodeSource();
      return "the application class path ("
          + (source == null || source.getLocation() == null ? "unknown location"
              : source.getLocation()) + ")";
    }
  }

  /** The merged plugins of one snapshot; immutable. */
  private static final class Table {
    final long generation;
    final long failures;
    final List<Entry> ordered;
    final List<PluginInfo> plugins;
    final SortedSet<String> names;
    final Map<String, Entry> byName;
    final Map<String, List<Entry>> clashes;

    private Table(long generation, long failures, List<Entry> ordered, Map<String, Entry> byName,
        Map<String, List<Entry>> clashes) {
      this.generation = generation;
      this.failures = failures;
      this.ordered = ordered;
      List<PluginInfo> infos = new ArrayList<>(ordered.size());
      for (Entry entry : ordered) {
        infos.add(entry.info);
      }
      this.plugins = Collections.unmodifiableList(infos);
      this.names = PluginTables.primaryNames(infos);
      this.byName = byName;
      this.clashes = clashes;
    }

    List<String> allNames() {
      List<String> all = new ArrayList<>(byName.keySet());
      all.addAll(clashes.keySet());
      return all;
    }

    static Table build(String typeName, List<PluginIndex> application, Snapshot snapshot,
        long failures) {
      List<Entry> entries = new ArrayList<>();
      for (PluginIndex index : application) {
        for (PluginInfo info : index.plugins(typeName)) {
          entries.add(new Entry(info, index));
        }
      }
      for (LoadedJar jar : snapshot.jars()) {
        PluginJar described = jar.info();
        List<LoadedJar.Index> indexes = jar.indexes();
        for (int i = 0; i < indexes.size(); i++) {
          for (PluginInfo info : indexes.get(i).plugins().getOrDefault(typeName, List.of())) {
            entries.add(new Entry(info, jar, i, described));
          }
        }
      }
      Map<String, Entry> byName = new HashMap<>();
      Map<String, List<Entry>> clashes = new LinkedHashMap<>();
      List<Entry> kept = new ArrayList<>(entries.size());
      for (Entry entry : entries) {
        Entry twin = byName.get(entry.info.name());
        if (twin != null && twin.jar == null && entry.jar == null
            && twin.info.implementation().equals(entry.info.implementation())) {
          continue; // one application class listed by two of its jars: one plugin
        }
        kept.add(entry);
        register(entry.info.name(), entry, byName, clashes);
        for (String alias : entry.info.aliases()) {
          register(alias, entry, byName, clashes);
        }
      }
      kept.sort(ORDER);
      return new Table(snapshot.generation(), failures, List.copyOf(kept), Map.copyOf(byName),
          Map.copyOf(clashes));
    }

    private static void register(String name, Entry entry, Map<String, Entry> byName,
        Map<String, List<Entry>> clashes) {
      List<Entry> clashing = clashes.get(name);
      if (clashing != null) {
        clashing.add(entry);
        return;
      }
      Entry previous = byName.putIfAbsent(name, entry);
      if (previous != null && previous != entry && !previous.sameSource(entry)) {
        byName.remove(name);
        List<Entry> both = new ArrayList<>(List.of(previous, entry));
        clashes.put(name, both);
      }
    }
  }
}
