package dev.patchbay.samples;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.UnknownPluginException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Stand-in for the registries the Patchbay processor generates, used until the processor branch
 * lands; the hand-written {@code XRegistry} classes that use it are deleted then.
 *
 * @param <T> the extension point type
 */
public final class InterimRegistry<T> implements Registry<T> {
  private final Class<T> type;
  private final List<PluginInfo> plugins = new ArrayList<>();
  private final Map<String, Supplier<? extends T>> factories = new LinkedHashMap<>();
  private final Map<String, String> primaryNames = new LinkedHashMap<>();

  /**
   * Creates an empty registry.
   *
   * @param type the extension point
   */
  public InterimRegistry(Class<T> type) {
    this.type = type;
  }

  /**
   * Adds a plugin.
   *
   * @param name primary name
   * @param aliases further names
   * @param description one line
   * @param priority higher first
   * @param implementation the plugin class
   * @param factory creates instances
   * @param <P> the plugin type
   * @return this registry
   */
  public <P extends T> InterimRegistry<T> add(String name, List<String> aliases, String description,
      int priority, Class<P> implementation, Supplier<P> factory) {
    plugins.add(new PluginInfo(name, aliases, description, priority, implementation.getName(),
        type.getName()));
    plugins.sort(Comparator.comparingInt(PluginInfo::priority).reversed()
        .thenComparing(PluginInfo::name));
    factories.put(name, factory);
    primaryNames.put(name, name);
    aliases.forEach(alias -> primaryNames.put(alias, name));
    return this;
  }

  @Override
  public Class<T> type() {
    return type;
  }

  @Override
  public SortedSet<String> names() {
    return new TreeSet<>(factories.keySet());
  }

  @Override
  public boolean contains(String name) {
    return primaryNames.containsKey(name);
  }

  @Override
  public T create(String name) {
    return find(name).orElseThrow(
        () -> UnknownPluginException.of(type.getName(), name, primaryNames.keySet()));
  }

  @Override
  public Optional<T> find(String name) {
    String primary = primaryNames.get(name);
    return primary == null ? Optional.empty() : Optional.of(factories.get(primary).get());
  }

  @Override
  public List<PluginInfo> plugins() {
    return List.copyOf(plugins);
  }

  @Override
  public List<T> createAll() {
    List<T> all = new ArrayList<>();
    plugins.forEach(p -> all.add(factories.get(p.name()).get()));
    return all;
  }
}
