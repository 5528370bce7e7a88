package dev.patchbay.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the processor generated into one output directory: the processor's memory from one
 * compilation to the next.
 *
 * <p>An IDE or an incremental build recompiles a few sources into the same directory, with the
 * earlier output on the class path. The next compilation reads this back and merges, so
 * registries, index and service files list exactly the plugins whose classes exist and carry
 * {@code @Plugin}, whatever subset of sources was compiled. It is kept as a resource beside the
 * classes rather than as a constant in a generated class because the Eclipse compiler refuses to
 * generate a type that it has already resolved from the class path: the old class must be
 * deleted before anything looks it up.
 *
 * @param indexClass canonical name of the generated {@code PluginIndex}, if one was generated
 * @param registries canonical name of each extension point with a registry here, to the
 *     registry's canonical name
 * @param plugins canonical name of each extension point, to the canonical names of its plugins
 *     listed here (by its registry, or by a table of the index for another jar's extension point)
 * @param serviceEntries resource path of each service file, to the entries Patchbay wrote in it
 *     (any other entry was written by hand and is kept)
 * @param fingerprints canonical name of each extension point and plugin listed, to a digest of
 *     the model its generated code was written from: a class recompiled with the same digest
 *     (a method body edited) leaves the generated code as it is
 * @param binaryNames canonical name of each extension point and plugin listed, to its binary
 *     name: where its class file is, to tell cheaply that it still exists
 * @param modelLines canonical name of each plugin listed, to its model as one line of text (see
 *     {@link #pluginModel}): a plugin whose class file was not recompiled still carries what it
 *     carried, so a later compilation takes its model from here instead of loading its class. Kept
 *     as text and read only when asked for, since a compilation that changes nothing needs none
 */
public record OutputState(
    Optional<String> indexClass,
    Map<String, String> registries,
    Map<String, Set<String>> plugins,
    Map<String, Set<String>> serviceEntries,
    Map<String, String> fingerprints,
    Map<String, String> binaryNames,
    Map<String, String> modelLines) {

  /** Where the state is kept, relative to the class output. */
  public static final String RESOURCE = "META-INF/patchbay/generated.tsv";

  private static final String HEADER =
      "# Written by the Patchbay annotation processor: what it generated in this directory, read"
          + " back by the next compilation. Do not edit.";

  /** The state of a directory Patchbay has not written to. */
  public static final OutputState EMPTY =
      new OutputState(Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  /**
   * Copies into unmodifiable collections that keep the given order: the builder hands over sorted
   * maps, and a parsed state keeps the order of its text, which was written sorted. (Sorting
   * thousands of names again on every read cost a fresh compiler more than reading them.)
   */
  public OutputState {
    registries = Collections.unmodifiableMap(new LinkedHashMap<>(registries));
    fingerprints = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprints));
    binaryNames = Collections.unmodifiableMap(new LinkedHashMap<>(binaryNames));
    modelLines = Collections.unmodifiableMap(new LinkedHashMap<>(modelLines));
    plugins = orderedCopy(plugins);
    serviceEntries = orderedCopy(serviceEntries);
  }

  /**
   * The model of a plugin listed here, read from its line.
   *
   * @param qualifiedName canonical name of the plugin
   * @return its model, empty when it is not listed or its line is not one this version wrote
   */
  public Optional<PluginModel> pluginModel(String qualifiedName) {
    String line = modelLines.get(qualifiedName);
    return line == null ? Optional.empty() : parseModel(line);
  }

  /**
   * The plugins listed for one extension point.
   *
   * @param extensionPoint canonical name of the extension point
   * @return canonical names of its plugins, empty when none were listed
   */
  public Set<String> pluginsOf(String extensionPoint) {
    return plugins.getOrDefault(extensionPoint, Set.of());
  }

  /**
   * Whether {@code qualifiedName} is a class Patchbay generated here: a registry or the index.
   *
   * @param qualifiedName a canonical class name
   * @return true for a generated registry or index
   */
  public boolean generated(String qualifiedName) {
    return indexClass.filter(qualifiedName::equals).isPresent()
        || registries.containsValue(qualifiedName);
  }

  /**
   * The state as text: one tab-separated record per line, sorted, so the bytes only change when
   * the state does.
   *
   * @return the resource content
   */
  public String toText() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    indexClass.ifPresent(index -> text.append("index\t").append(index).append('\n'));
    new TreeMap<>(registries).forEach((point, registry) ->
        text.append("registry\t").append(point).append('\t').append(registry).append('\n'));
    plugins.forEach((point, names) -> names.forEach(name ->
        text.append("plugin\t").append(point).append('\t').append(name).append('\n')));
    serviceEntries.forEach((file, entries) -> entries.forEach(entry ->
        text.append("service\t").append(file).append('\t').append(entry).append('\n')));
    fingerprints.forEach((name, digest) ->
        text.append("model\t").append(name).append('\t').append(digest).append('\n'));
    binaryNames.forEach((name, binary) ->
        text.append("binary\t").append(name).append('\t').append(binary).append('\n'));
    modelLines.values().forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  /**
   * Reads the text {@link #toText} wrote. Lines it does not understand (a newer format, a hand
   * edit) are skipped: the worst outcome is a plugin listed until its class is recompiled.
   *
   * @param text the resource content
   * @return the state
   */
  public static OutputState parse(String text) {
    String index = null;
    Map<String, String> registries = new LinkedHashMap<>();
    Map<String, Set<String>> plugins = new LinkedHashMap<>();
    Map<String, Set<String>> services = new LinkedHashMap<>();
    Map<String, String> fingerprints = new LinkedHashMap<>();
    Map<String, String> binaryNames = new LinkedHashMap<>();
    Map<String, String> models = new LinkedHashMap<>();
    // Thousands of lines in a fresh compiler: read with indexOf, no split or regex per line.
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
      start = end + 1;
      int tab = line.indexOf('\t');
      if (tab < 0) {
        continue; // the header, a blank line or one this version does not know
      }
      String kind = line.substring(0, tab);
      if (kind.equals("pluginmodel")) {
        int next = line.indexOf('\t', tab + 1);
        if (next > 0) {
          models.put(unescape(line.substring(tab + 1, next)), line);
        }
        continue;
      }
      int second = line.indexOf('\t', tab + 1);
      String first = line.substring(tab + 1, second < 0 ? line.length() : second);
      if (second < 0) {
        if (kind.equals("index")) {
          index = first;
        }
        continue;
      }
      if (line.indexOf('\t', second + 1) >= 0) {
        continue; // more fields than any two-field record has: not one this version wrote
      }
      String value = line.substring(second + 1);
      switch (kind) {
        case "registry" -> registries.put(first, value);
        case "plugin" -> plugins.computeIfAbsent(first, k -> new LinkedHashSet<>()).add(value);
        case "service" -> services.computeIfAbsent(first, k -> new LinkedHashSet<>()).add(value);
        case "model" -> fingerprints.put(first, value);
        case "binary" -> binaryNames.put(first, value);
        default -> {
          // unknown record: skipped, see above
        }
      }
    }
    return new OutputState(Optional.ofNullable(index), registries, plugins, services, fingerprints,
        binaryNames, models);
  }

  /**
   * A digest of a model record: what generated code depends on. Records print every component,
   * and the model records hold only names, strings and numbers, so equal text means equal code.
   *
   * @param model an extension point or plugin model
   * @return 32 hex digits
   */
  public static String fingerprint(Record model) {
    // A plugin's line is kept anyway and names every component; extension points print theirs.
    return fingerprint(model instanceof PluginModel plugin ? modelLine(plugin) : model.toString());
  }

  /**
   * A digest of a text: 128 bits from two independently mixed 64-bit lanes, as 32 hex digits.
   * It tells an edited model from an unchanged one between two compilations; it is not a
   * cryptographic hash (nothing here defends against a crafted collision), and it needs no
   * {@code MessageDigest}, whose first use costs a fresh compiler more than all the hashing.
   *
   * @param text any text
   * @return 32 hex digits
   */
  public static String fingerprint(CharSequence text) {
    String chars = text.toString();
    long first = 0xcbf29ce484222325L;
    long second = 0x9e3779b97f4a7c15L;
    for (int i = 0, n = chars.length(); i < n; i++) {
      char c = chars.charAt(i);
      first = (first ^ c) * 0x100000001b3L;
      second = Long.rotateLeft(second ^ (c * 0xc2b2ae3d27d4eb4fL), 31) * 0x9e3779b97f4a7c15L;
    }
    first = finish(first ^ chars.length());
    second = finish(second ^ first);
    return HexFormat.of().toHexDigits(first) + HexFormat.of().toHexDigits(second);
  }

  /** Spreads every bit of {@code h} over all 64 (the finalizer of SplitMix64). */
  private static long finish(long h) {
    h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  /**
   * A plugin's model as one line: its fields separated by tabs, each escaped so that none holds a
   * tab or a line break, the aliases and constructor keys each after their count, and a final
   * {@code .} so that no field ends the line.
   *
   * @param model a plugin's model
   * @return the line, without a line break
   */
  public static String modelLine(PluginModel model) {
    StringBuilder text = new StringBuilder(160).append("pluginmodel");
    for (String field : List.of(model.qualifiedName(), model.binaryName(),
        String.valueOf(model.generic()), model.name(), model.description(),
        String.valueOf(model.priority()), String.valueOf(model.hasProvider()),
        String.valueOf(model.hasPublicNoArgConstructor()))) {
      text.append('\t').append(escape(field));
    }
    text.append('\t').append(model.aliases().size());
    model.aliases().forEach(alias -> text.append('\t').append(escape(alias)));
    Set<String> constructors = new TreeSet<>(model.genericConstructors());
    text.append('\t').append(constructors.size());
    constructors.forEach(key -> text.append('\t').append(escape(key)));
    return text.append("\t.").toString();
  }

  /** The model of a {@code pluginmodel} line, or empty when the line is not one this wrote. */
  private static Optional<PluginModel> parseModel(String line) {
    String[] fields = line.split("\t", -1);
    try {
      int at = 1;
      String qualifiedName = unescape(fields[at++]);
      String binaryName = unescape(fields[at++]);
      boolean generic = Boolean.parseBoolean(fields[at++]);
      String name = unescape(fields[at++]);
      String description = unescape(fields[at++]);
      int priority = Integer.parseInt(fields[at++]);
      boolean hasProvider = Boolean.parseBoolean(fields[at++]);
      boolean noArg = Boolean.parseBoolean(fields[at++]);
      List<String> aliases = new ArrayList<>();
      for (int n = Integer.parseInt(fields[at++]); n > 0; n--) {
        aliases.add(unescape(fields[at++]));
      }
      Set<String> constructors = new TreeSet<>();
      for (int n = Integer.parseInt(fields[at++]); n > 0; n--) {
        constructors.add(unescape(fields[at++]));
      }
      if (at != fields.length - 1 || !fields[at].equals(".")) {
        return Optional.empty();
      }
      int dot = binaryName.lastIndexOf('.');
      String pkg = dot < 0 ? "" : binaryName.substring(0, dot);
      String nested = pkg.isEmpty() ? qualifiedName : qualifiedName.substring(pkg.length() + 1);
      String[] simpleNames = nested.split("\\.", -1);
      ClassName className = ClassName.get(pkg, simpleNames[0],
          Arrays.copyOfRange(simpleNames, 1, simpleNames.length));
      return Optional.of(new PluginModel(qualifiedName, binaryName, className, generic, name,
          aliases, description, priority, hasProvider, noArg, constructors));
    } catch (RuntimeException malformed) {
      return Optional.empty(); // an older or damaged line: the class is read instead
    }
  }

  private static String escape(String field) {
    if (field.indexOf('\\') < 0 && field.indexOf('\t') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  private static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 1 < field.length()) {
        char next = field.charAt(++i);
        out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Map<String, Set<String>> orderedCopy(Map<String, ? extends Set<String>> map) {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    map.forEach((key, values) -> {
      if (!values.isEmpty()) {
        copy.put(key, Collections.unmodifiableSet(new LinkedHashSet<>(values)));
      }
    });
    return Collections.unmodifiableMap(copy);
  }

  /** Builds the next state while a compilation generates. */
  public static final class Builder {
    private String indexClass;
    private final Map<String, String> registries = new TreeMap<>();
    private final Map<String, Set<String>> plugins = new TreeMap<>();
    private final Map<String, Set<String>> serviceEntries = new TreeMap<>();
    private final Map<String, String> fingerprints = new TreeMap<>();
    private final Map<String, String> binaryNames = new TreeMap<>();
    private final Map<String, String> modelLines = new TreeMap<>();

    /**
     * Records a plugin's model, for later compilations that do not recompile it.
     *
     * @param model the model
     * @return this builder
     */
    public Builder pluginModel(PluginModel model) {
      modelLines.put(model.qualifiedName(), modelLine(model));
      return this;
    }

    /**
     * Records where a class's class file is.
     *
     * @param qualifiedName canonical name of an extension point or plugin
     * @param binaryName its binary name
     * @return this builder
     */
    public Builder binaryName(String qualifiedName, String binaryName) {
      binaryNames.put(qualifiedName, binaryName);
      return this;
    }

    /**
     * Records the digest of the model a class's generated code was written from.
     *
     * @param qualifiedName canonical name of an extension point or plugin
     * @param digest see {@link OutputState#fingerprint}
     * @return this builder
     */
    public Builder fingerprint(String qualifiedName, String digest) {
      fingerprints.put(qualifiedName, digest);
      return this;
    }

    /**
     * Records the generated index.
     *
     * @param qualifiedName its canonical name
     * @return this builder
     */
    public Builder index(String qualifiedName) {
      indexClass = qualifiedName;
      return this;
    }

    /**
     * Records a registry.
     *
     * @param extensionPoint canonical name of its extension point
     * @param registry its canonical name
     * @return this builder
     */
    public Builder registry(String extensionPoint, String registry) {
      registries.put(extensionPoint, registry);
      return this;
    }

    /**
     * Records the plugins listed for an extension point.
     *
     * @param extensionPoint canonical name of the extension point
     * @param names canonical names of its plugins
     * @return this builder
     */
    public Builder plugins(String extensionPoint, List<String> names) {
      plugins.computeIfAbsent(extensionPoint, k -> new TreeSet<>()).addAll(names);
      return this;
    }

    /**
     * Records the entries Patchbay writes in one service file.
     *
     * @param file resource path of the service file
     * @param entries the entries (binary class names)
     * @return this builder
     */
    public Builder serviceEntries(String file, Set<String> entries) {
      serviceEntries.computeIfAbsent(file, k -> new TreeSet<>()).addAll(entries);
      return this;
    }

    /**
     * The state.
     *
     * @return an immutable state
     */
    public OutputState build() {
      return new OutputState(Optional.ofNullable(indexClass), registries,
          new TreeMap<>(plugins), new TreeMap<>(serviceEntries), fingerprints, binaryNames,
          modelLines);
    }
  }
}
