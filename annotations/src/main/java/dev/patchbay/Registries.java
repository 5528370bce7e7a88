package dev.patchbay;

import dev.patchbay.spi.PluginIndex;
import dev.patchbay.spi.PluginTables;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;

/**
 * Entry point to the registry of any extension point, merging the plugins of every jar.
 *
 * <p>Each jar compiled with the Patchbay processor carries one generated {@link PluginIndex}
 * registered as a service; this class loads those indexes with one {@link ServiceLoader} pass and
 * never loads a plugin class until that plugin is created.
 */
public final class Registries {
  // One merged registry per extension point class; ClassValue lets unloaded classes be collected.
  private static final ClassValue<Registry<?>> CACHE = new ClassValue<>() {
    @Override
    protected Registry<?> computeValue(Class<?> type) {
      return build(type);
    }
  };

  private Registries() {}

  /**
   * Returns the registry of {@code type}, merging the plugins of every jar on the class path or
   * module path.
   *
   * @param type an interface or abstract class annotated {@link ExtensionPoint}
   * @param <T> the extension point type
   * @return the merged registry; the same instance on every call for the same class
   * @throws IllegalArgumentException when {@code type} is not annotated {@link ExtensionPoint}
   * @throws IllegalStateException when no jar's index knows {@code type} (the processor did not
   *     run), or two plugins of different jars share a name
   */
  @SuppressWarnings("unchecked")
  public static <T> Registry<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return (Registry<T>) CACHE.get(type);
  }

  // The first call in a JVM is what users feel at start-up, so build() avoids everything with a
  // one-time cost that the happy path does not need: reading the @ExtensionPoint annotation (its
  // first parse creates a dynamic proxy), lambdas and method references (each one bootstraps an
  // invokedynamic call site on first use), sorting lists that every index already sorted, and,
  // when a single index knows the type, loading any plugin metadata before it is asked for.
  private static <T> Registry<T> build(Class<T> type) {
    String key = type.getName();
    ClassLoader loader = type.getClassLoader() != null
        ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    List<PluginIndex> knowing = new ArrayList<>(2);
    for (PluginIndex index : ServiceLoader.load(PluginIndex.class, loader)) {
      if (index.extensionPoints().contains(key)) {
        knowing.add(index);
      }
    }
    if (knowing.isEmpty()) {
      throw notIndexed(type);
    }
    for (int i = 0; i < knowing.size(); i++) {
      requireSingleCopy(knowing.get(i));
    }
    return over(type, knowing);
  }

  /** The registry of {@code type} over the indexes that list it, in class-path order. */
  static <T> Registry<T> over(Class<T> type, List<PluginIndex> knowing) {
    MergedRegistry<T> registry = new MergedRegistry<>(type, knowing);
    if (knowing.size() > 1) {
      // Several jars contribute: merge now, so a cross-jar name clash fails here, in of(). One
      // index cannot clash with itself (the processor rejects duplicate names in a compilation).
      registry.metadata();
    }
    return registry;
  }

  /** Merges the plugins of {@code indexes}; throws when two different plugins share a name. */
  private static Metadata merge(String key, List<PluginIndex> indexes) {
    Map<String, Entry> byName = new HashMap<>();
    List<PluginInfo> all = null;
    int contributing = 0;
    for (PluginIndex index : indexes) {
      List<PluginInfo> plugins = index.plugins(key);
      List<PluginInfo> kept = new ArrayList<>(plugins.size());
      for (PluginInfo plugin : plugins) {
        Entry entry = new Entry(plugin, index);
        Entry previous = byName.putIfAbsent(plugin.name(), entry);
        if (previous != null && !clash(key, plugin.name(), previous, entry)) {
          continue; // the same plugin in two jars (e.g. shaded): listed once
        }
        for (String alias : plugin.aliases()) {
          Entry aliased = byName.putIfAbsent(alias, entry);
          if (aliased != null) {
            clash(key, alias, aliased, entry);
          }
        }
        kept.add(plugin);
      }
      if (!kept.isEmpty()) {
        contributing++;
        if (all == null) {
          all = kept;
        } else {
          all.addAll(kept);
        }
      }
    }
    if (all == null) {
      all = new ArrayList<>(0);
    } else if (contributing > 1) {
      // Each index's list is already in order, so this stable sort only merges the runs.
      all.sort(ByPriorityThenName.INSTANCE);
    }
    return new Metadata(Collections.unmodifiableList(all), byName);
  }

  /** The merged plugin list and name table of one registry; immutable once built. */
  private static final class Metadata {
    final List<PluginInfo> plugins;
    final Map<String, Entry> byName; // never modified after construction

    Metadata(List<PluginInfo> plugins, Map<String, Entry> byName) {
      this.plugins = plugins;
      this.byName = byName;
    }
  }

  /**
   * Tells whether two entries under one name are different plugins, throwing if they are; false
   * means both are the same class listed by two indexes.
   */
  private static boolean clash(String key, String name, Entry previous, Entry entry) {
    if (previous.info.implementation().equals(entry.info.implementation())) {
      return false;
    }
    throw new IllegalStateException("two plugins of " + key + " answer to the name '"
        + name + "': " + previous.info.implementation() + " (from " + origin(previous.index)
        + ") and " + entry.info.implementation() + " (from " + origin(entry.index)
        + "). Rename one of them in its @Plugin annotation, or remove one jar.");
  }

  /**
   * Fails when two jars hold different index classes of the same name. Index names are stable
   * (no content hash), so two jars compiled apart with plugins in the same package can collide;
   * the class loader then sees one of them and the other jar's plugins would be lost without a
   * word. The same class twice (a jar and a copy of it) is no collision: generated index classes
   * carry a digest of what they list, so equal bytes mean equal contents.
   */
  private static void requireSingleCopy(PluginIndex index) {
    Class<?> indexClass = index.getClass();
    ClassLoader loader = indexClass.getClassLoader();
    if (loader == null) {
      return;
    }
    String resource = indexClass.getName().replace('.', '/') + ".class";
    try {
      Enumeration<URL> copies = loader.getResources(resource);
      URL first = copies.hasMoreElements() ? copies.nextElement() : null;
      byte[] firstBytes = null;
      while (copies.hasMoreElements()) {
        URL other = copies.nextElement();
        if (firstBytes == null) {
          firstBytes = read(first);
        }
        if (!Arrays.equals(firstBytes, read(other))) {
          throw new IllegalStateException("two jars contain a Patchbay plugin index named "
              + indexClass.getName() + ": " + first + " and " + other + ". Only the first is"
              + " loaded, so the plugins of the other would be lost. Compile one of them with the"
              + " other on its class path (its index is then named "
              + indexClass.getSimpleName() + "2), or move its plugins to a package of their own.");
        }
      }
    } catch (IOException unreadable) {
      // A class loader that cannot list resources: nothing to compare, the index loaded anyway.
    }
  }

  private static byte[] read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }

  /** The error when no index knows {@code type}; only here is the annotation read. */
  private static RuntimeException notIndexed(Class<?> type) {
    if (!type.isAnnotationPresent(ExtensionPoint.class)) {
      return new IllegalArgumentException(type.getName()
          + " is not an extension point: annotate it with @dev.patchbay.ExtensionPoint,"
          + " or ask for the registry of the interface it implements");
    }
    return new IllegalStateException("no Patchbay plugin index on the class path or module path"
        + " knows the extension point " + type.getName() + ": the Patchbay annotation processor"
        + " probably did not run when it was compiled. Add dev.patchbay:patchbay-processor to the"
        + " compiler's annotation processor path (Maven: maven-compiler-plugin 3.8.0 or newer,"
        + " <annotationProcessorPaths>; Gradle: annotationProcessor dependency) and rebuild;"
        + " JDK 23 and newer no longer run a processor found only on the class path. A jar built"
        + " with the processor has META-INF/services/dev.patchbay.spi.PluginIndex.");
  }

  /** One name's plugin and the index that creates it, so create() needs one lookup. */
  private static final class Entry {
    final PluginInfo info;
    final PluginIndex index;

    Entry(PluginInfo info, PluginIndex index) {
      this.info = info;
      this.index = index;
    }
  }

  /** Descending priority, then name: the order of {@link Registry#plugins()}. */
  private static final class ByPriorityThenName implements Comparator<PluginInfo> {
    // A named class rather than Comparator.comparingInt(..).reversed().thenComparing(..): no
    // invokedynamic bootstrap on the first call.
    static final ByPriorityThenName INSTANCE = new ByPriorityThenName();

    @Override
    public int compare(PluginInfo a, PluginInfo b) {
      int byPriority = Integer.compare(b.priority(), a.priority());
      return byPriority != 0 ? byPriority : a.name().compareTo(b.name());
    }
  }

  private static String origin(PluginIndex index) {
    var source = index.getClass().getProtectionDomain().getCodeSource();
    String where = source == null || source.getLocation() == null
        ? "unknown location" : source.getLocation().toString();
    return index.getClass().getName() + " in " + where;
  }

  /** A registry over the plugins of several indexes; immutable once built. */
  private static final class MergedRegistry<T> implements Registry<T> {
    private static final Object[] NO_ARGUMENTS = new Object[0];

    private final Class<T> type;
    private final String typeName;
    private final List<PluginIndex> indexes;
    // The only index that knows the type, or null when several do. With one index, plugins() is
    // that index's list as is (already in order): no name table is built just to list plugins.
    private final PluginIndex sole;
    private List<PluginInfo> solePlugins; // racy but benign, like metadata
    // Built on first use, or in build() when several indexes contribute. Racy but benign: it is
    // immutable and its final fields publish it, so two threads may at worst build equal copies.
    private Metadata metadata;
    private SortedSet<String> names;

    MergedRegistry(Class<T> type, List<PluginIndex> indexes) {
      this.type = type;
      this.typeName = type.getName();
      this.indexes = indexes;
      this.sole = indexes.size() == 1 ? indexes.get(0) : null;
    }

    Metadata metadata() {
      Metadata built = metadata;
      if (built == null) {
        built = merge(typeName, indexes);
        metadata = built;
      }
      return built;
    }

    @Override
    public Class<T> type() {
      return type;
    }

    @Override
    public SortedSet<String> names() {
      // Racy but benign, like metadata: an unmodifiable wrapper whose final field publishes it.
      SortedSet<String> sorted = names;
      if (sorted == null) {
        sorted = PluginTables.primaryNames(plugins());
        names = sorted;
      }
      return sorted;
    }

    @Override
    public boolean contains(String name) {
      return metadata().byName.containsKey(name);
    }

    @Override
    public T create(String name) {
      if (sole != null) {
        // One index: it answers (or throws UnknownPluginException) by itself, without the name
        // table, which would cost a cold start a pass over every plugin's metadata.
        return type.cast(sole.create(typeName, Objects.requireNonNull(name, "name"), NO_ARGUMENTS));
      }
      Entry entry = metadata().byName.get(name);
      if (entry == null) {
        throw unknown(name);
      }
      return instantiate(entry);
    }

    @Override
    public Optional<T> find(String name) {
      Entry entry = metadata().byName.get(name);
      return entry == null ? Optional.empty() : Optional.of(instantiate(entry));
    }

    @Override
    public List<PluginInfo> plugins() {
      if (sole == null) {
        return metadata().plugins;
      }
      List<PluginInfo> listed = solePlugins;
      if (listed == null) {
        listed = Collections.unmodifiableList(sole.plugins(typeName));
        solePlugins = listed;
      }
      return listed;
    }

    @Override
    public List<T> createAll() {
      if (sole != null) {
        List<Object> created = sole.createAll(typeName);
        List<T> instances = new ArrayList<>(created.size());
        for (Object plugin : created) {
          instances.add(type.cast(plugin));
        }
        return instances;
      }
      Metadata all = metadata();
      List<T> instances = new ArrayList<>(all.plugins.size());
      for (PluginInfo plugin : all.plugins) {
        instances.add(instantiate(all.byName.get(plugin.name())));
      }
      return instances;
    }

    @Override
    public T createWith(String name, Object... arguments) {
      if (sole != null) {
        return type.cast(sole.create(typeName, Objects.requireNonNull(name, "name"),
            Objects.requireNonNull(arguments, "arguments")));
      }
      Entry entry = metadata().byName.get(name);
      if (entry == null) {
        throw unknown(name);
      }
      return type.cast(entry.index.create(typeName, entry.info.name(), arguments));
    }

    private T instantiate(Entry entry) {
      // A shared empty array: the varargs call would allocate one per creation.
      return type.cast(entry.index.create(typeName, entry.info.name(), NO_ARGUMENTS));
    }

    private UnknownPluginException unknown(String name) {
      return UnknownPluginException.of(
          typeName, name, Collections.unmodifiableSet(metadata().byName.keySet()));
    }

    @Override
    public String toString() {
      return "Registry[" + typeName + ", " + names() + "]";
    }
  }
}
