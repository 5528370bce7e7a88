package dev.patchbay;

import dev.patchbay.spi.PluginIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeSet;

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

  private static <T> Registry<T> build(Class<T> type) {
    if (!type.isAnnotationPresent(ExtensionPoint.class)) {
      throw new IllegalArgumentException(type.getName()
          + " is not an extension point: annotate it with @dev.patchbay.ExtensionPoint,"
          + " or ask for the registry of the interface it implements");
    }
    String key = type.getName();
    ClassLoader loader = type.getClassLoader() != null
        ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    Map<String, PluginInfo> byName = new HashMap<>();
    Map<String, PluginIndex> owner = new HashMap<>();
    List<PluginInfo> all = new ArrayList<>();
    boolean known = false;
    for (PluginIndex index : ServiceLoader.load(PluginIndex.class, loader)) {
      if (!index.extensionPoints().contains(key)) {
        continue;
      }
      known = true;
      for (PluginInfo plugin : index.plugins(key)) {
        for (String name : names(plugin)) {
          PluginInfo previous = byName.putIfAbsent(name, plugin);
          if (previous != null && !previous.implementation().equals(plugin.implementation())) {
            throw new IllegalStateException("two plugins of " + key + " answer to the name '"
                + name + "': " + previous.implementation() + " (from " + origin(owner.get(previous.name()))
                + ") and " + plugin.implementation() + " (from " + origin(index)
                + "). Rename one of them in its @Plugin annotation, or remove one jar.");
          }
        }
        if (owner.putIfAbsent(plugin.name(), index) == null) {
          all.add(plugin);
        }
      }
    }
    if (!known) {
      throw new IllegalStateException("no Patchbay plugin index on the class path or module path"
          + " knows the extension point " + key + ": the Patchbay annotation processor probably"
          + " did not run when it was compiled. Add dev.patchbay:patchbay-processor to the"
          + " compiler's annotation processor path (Maven: maven-compiler-plugin"
          + " <annotationProcessorPaths>; Gradle: annotationProcessor dependency) and rebuild.");
    }
    all.sort(Comparator.comparingInt(PluginInfo::priority).reversed()
        .thenComparing(PluginInfo::name));
    return new MergedRegistry<>(type, List.copyOf(all), byName, owner);
  }

  private static List<String> names(PluginInfo plugin) {
    List<String> names = new ArrayList<>(plugin.aliases().size() + 1);
    names.add(plugin.name());
    names.addAll(plugin.aliases());
    return names;
  }

  private static String origin(PluginIndex index) {
    var source = index.getClass().getProtectionDomain().getCodeSource();
    String where = source == null || source.getLocation() == null
        ? "unknown location" : source.getLocation().toString();
    return index.getClass().getName() + " in " + where;
  }

  /** A registry over the plugins of several indexes; immutable once built. */
  private static final class MergedRegistry<T> implements Registry<T> {
    private final Class<T> type;
    private final List<PluginInfo> plugins;
    private final Map<String, PluginInfo> byName;
    private final Map<String, PluginIndex> owner;
    private final SortedSet<String> names;

    MergedRegistry(Class<T> type, List<PluginInfo> plugins, Map<String, PluginInfo> byName,
        Map<String, PluginIndex> owner) {
      this.type = type;
      this.plugins = plugins;
      this.byName = Map.copyOf(byName);
      this.owner = Map.copyOf(owner);
      TreeSet<String> sorted = new TreeSet<>();
      plugins.forEach(p -> sorted.add(p.name()));
      this.names = Collections.unmodifiableSortedSet(sorted);
    }

    @Override
    public Class<T> type() {
      return type;
    }

    @Override
    public SortedSet<String> names() {
      return names;
    }

    @Override
    public boolean contains(String name) {
      return byName.containsKey(name);
    }

    @Override
    public T create(String name) {
      PluginInfo plugin = byName.get(name);
      if (plugin == null) {
        throw UnknownPluginException.of(type.getName(), name, byName.keySet());
      }
      return instantiate(plugin);
    }

    @Override
    public Optional<T> find(String name) {
      PluginInfo plugin = byName.get(name);
      return plugin == null ? Optional.empty() : Optional.of(instantiate(plugin));
    }

    @Override
    public List<PluginInfo> plugins() {
      return plugins;
    }

    @Override
    public List<T> createAll() {
      List<T> instances = new ArrayList<>(plugins.size());
      for (PluginInfo plugin : plugins) {
        instances.add(instantiate(plugin));
      }
      return instances;
    }

    @Override
    public T createWith(String name, Object... arguments) {
      PluginInfo plugin = byName.get(name);
      if (plugin == null) {
        throw UnknownPluginException.of(type.getName(), name, byName.keySet());
      }
      return type.cast(owner.get(plugin.name()).create(type.getName(), plugin.name(), arguments));
    }

    private T instantiate(PluginInfo plugin) {
      return type.cast(owner.get(plugin.name()).create(type.getName(), plugin.name()));
    }

    @Override
    public String toString() {
      return "Registry[" + type.getName() + ", " + names + "]";
    }
  }
}
