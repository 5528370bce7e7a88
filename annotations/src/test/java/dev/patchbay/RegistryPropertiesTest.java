package dev.patchbay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.spi.PluginIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of a registry over any set of plugins, names and aliases, spread over one to three
 * indexes (jars): {@code contains}, {@code find}, {@code create} and {@code names} agree with each
 * other and with the plugins' metadata, for known names, aliases and unknown ones alike.
 */
final class RegistryPropertiesTest {

  /** The extension point of the generated catalogues. */
  @ExtensionPoint
  public interface Thing {}

  /** What every test index creates: it says which plugin it is. */
  public record Made(String plugin) implements Thing {}

  @Property(tries = 300)
  void lookups_agreeWithTheMetadata(@ForAll("catalogue") List<List<PluginInfo>> jars, @ForAll("probe") List<String> probes) {
    List<PluginIndex> indexes = new ArrayList<>();
    Map<String, String> owner = new HashMap<>(); // every name and alias -> primary name
    List<PluginInfo> all = new ArrayList<>();
    for (List<PluginInfo> jar : jars) {
      indexes.add(new ListIndex(jar));
      for (PluginInfo plugin : jar) {
        all.add(plugin);
        owner.put(plugin.name(), plugin.name());
        plugin.aliases().forEach(alias -> owner.put(alias, plugin.name()));
      }
    }
    Registry<Thing> registry = Registries.over(Thing.class, indexes);

    TreeSet<String> primary = new TreeSet<>();
    all.forEach(plugin -> primary.add(plugin.name()));
    assertEquals(List.copyOf(primary), List.copyOf(registry.names()));
    all.sort(Comparator.comparingInt(PluginInfo::priority).reversed().thenComparing(PluginInfo::name));
    assertEquals(all, registry.plugins());
    assertEquals(all.stream().map(plugin -> new Made(plugin.name())).toList(), registry.createAll());

    List<String> asked = new ArrayList<>(probes);
    asked.addAll(owner.keySet());
    for (String name : asked) {
      String expected = owner.get(name);
      assertEquals(expected != null, registry.contains(name), name);
      assertEquals(expected == null ? null : new Made(expected), registry.find(name).orElse(null), name);
      if (expected != null) {
        assertEquals(new Made(expected), registry.create(name), name);
      } else {
        UnknownPluginException error = assertThrows(UnknownPluginException.class, () -> registry.create(name));
        assertEquals(name, error.requestedName());
        assertEquals(new TreeSet<>(owner.keySet()), new TreeSet<>(error.knownNames()));
        error.suggestion().ifPresent(suggestion -> assertTrue(owner.containsKey(suggestion), suggestion));
        assertTrue(error.getMessage().contains("'" + name + "'"), error.getMessage());
      }
    }
  }

  /**
   * One to three jars of plugins whose names and aliases are all distinct, as the processor and
   * the merge guarantee, with any priorities.
   */
  @Provide
  Arbitrary<List<List<PluginInfo>>> catalogue() {
    Arbitrary<List<String>> names = name().list().uniqueElements().ofMinSize(1).ofMaxSize(12);
    return names.flatMap(unique -> Arbitraries.longs().map(seed -> split(unique, new Random(seed))));
  }

  /** Names to look up besides the known ones: near misses in case, and anything else. */
  @Provide
  Arbitrary<List<String>> probe() {
    return Arbitraries.oneOf(name(), name().map(n -> n.toUpperCase(Locale.ROOT)), Arbitraries.strings().ofMaxLength(5))
        .list().ofMaxSize(6);
  }

  private Arbitrary<String> name() {
    return Arbitraries.strings().withCharRange('a', 'f').withChars("-_1").ofMinLength(1).ofMaxLength(6);
  }

  private static List<List<PluginInfo>> split(List<String> names, Random random) {
    int jarCount = 1 + random.nextInt(3);
    List<List<PluginInfo>> jars = new ArrayList<>();
    for (int i = 0; i < jarCount; i++) {
      jars.add(new ArrayList<>());
    }
    int next = 0;
    while (next < names.size()) {
      String name = names.get(next++);
      List<String> aliases = new ArrayList<>();
      int aliasCount = random.nextInt(3);
      while (aliasCount-- > 0 && next < names.size()) {
        aliases.add(names.get(next++));
      }
      jars.get(random.nextInt(jarCount)).add(new PluginInfo(name, aliases, "", random.nextInt(5) - 2,
          "com.example." + name, Thing.class.getName()));
    }
    for (List<PluginInfo> jar : jars) { // an index lists its plugins in registry order
      jar.sort(Comparator.comparingInt(PluginInfo::priority).reversed().thenComparing(PluginInfo::name));
    }
    return jars;
  }

  /** An index like a generated one: lists its plugins, creates them by name or alias. */
  private static final class ListIndex implements PluginIndex {
    private final List<PluginInfo> plugins;

    ListIndex(List<PluginInfo> plugins) {
      this.plugins = List.copyOf(plugins);
    }

    @Override
    public Set<String> extensionPoints() {
      return Set.of(Thing.class.getName());
    }

    @Override
    public List<PluginInfo> plugins(String extensionPoint) {
      return extensionPoint.equals(Thing.class.getName()) ? plugins : List.of();
    }

    @Override
    public Object create(String extensionPoint, String name, Object... arguments) {
      List<String> known = new ArrayList<>();
      for (PluginInfo plugin : plugins) {
        if (plugin.answersTo(name)) {
          return new Made(plugin.name());
        }
        known.add(plugin.name());
        known.addAll(plugin.aliases());
      }
      throw UnknownPluginException.of(extensionPoint, name, known);
    }
  }
}
