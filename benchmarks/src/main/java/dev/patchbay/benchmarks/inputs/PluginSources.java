package dev.patchbay.benchmarks.inputs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the benchmark's inputs: one extension point, {@code count} plugin classes, and the
 * registration each {@link Variant} needs, as Java sources under one directory per variant.
 *
 * <p>Every variant gets the same plugin bodies; only the annotation on each class (and the
 * hand-written catalogue) differs, so the compiled classes cost the same to load.
 */
public final class PluginSources {
  /** Package of the extension point. */
  public static final String API_PACKAGE = "bench.api";
  /** Package of the plugin classes. */
  public static final String PLUGIN_PACKAGE = "bench.plugins";
  /** Binary name of the extension point. */
  public static final String EXTENSION_POINT = API_PACKAGE + ".Greeter";

  private final int count;

  /**
   * Creates a generator of {@code count} plugins.
   *
   * @param count number of plugin classes, 1 to 9,999
   */
  public PluginSources(int count) {
    if (count < 1 || count > 9_999) {
      throw new IllegalArgumentException("plugin count must be 1..9999, was " + count);
    }
    this.count = count;
  }

  /**
   * The registered name of plugin {@code index}.
   *
   * @param index 0-based plugin number
   * @return its name, e.g. {@code p0042}
   */
  public static String pluginName(int index) {
    return String.format(Locale.ROOT, "p%04d", index);
  }

  /**
   * The simple class name of plugin {@code index}.
   *
   * @param index 0-based plugin number
   * @return its class name, e.g. {@code P0042}
   */
  public static String className(int index) {
    return String.format(Locale.ROOT, "P%04d", index);
  }

  /**
   * How many plugins this generator writes.
   *
   * @return the plugin count
   */
  public int count() {
    return count;
  }

  /**
   * The name the "create one" measurements look up: the plugin in the middle of the list.
   *
   * @return the middle plugin's name
   */
  public String middleName() {
    return pluginName(count / 2);
  }

  /**
   * Writes the extension point and every plugin for {@code variant} under {@code root}.
   *
   * @param variant how the plugins are registered
   * @param root the source root to write into
   * @return every file written
   * @throws IOException when a file cannot be written
   */
  public List<Path> writePlugins(Variant variant, Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(write(root, API_PACKAGE, "Greeter", extensionPoint(variant)));
    for (int i = 0; i < count; i++) {
      files.add(write(root, PLUGIN_PACKAGE, className(i), plugin(variant, i)));
    }
    if (variant == Variant.HAND_WRITTEN) {
      files.add(write(root, PLUGIN_PACKAGE, "HandWrittenCatalog", handWrittenCatalog()));
    }
    return files;
  }

  /**
   * Writes {@code source} as {@code pkg.simpleName} under {@code root}.
   *
   * @param root the source root
   * @param pkg the package
   * @param simpleName the class name
   * @param source the compilation unit
   * @return the file written
   * @throws IOException when it cannot be written
   */
  public static Path write(Path root, String pkg, String simpleName, String source)
      throws IOException {
    Path dir = root.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    Path file = dir.resolve(simpleName + ".java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Writes the hand-written catalogue (metadata list, {@code switch}, {@code new} list) alone.
   *
   * @param root the source root
   * @return the file written
   * @throws IOException when it cannot be written
   */
  public Path writeHandWrittenCatalog(Path root) throws IOException {
    return write(root, PLUGIN_PACKAGE, "HandWrittenCatalog", handWrittenCatalog());
  }

  /**
   * Writes a hand-written {@code switch} split by hash bucket into small methods, so each stays
   * under HotSpot's 8,000-byte limit for JIT compilation (a single switch over 1,000 names does
   * not, and runs interpreted forever).
   *
   * @param root the source root
   * @param buckets how many bucket methods to spread the names over
   * @return the file written
   * @throws IOException when it cannot be written
   */
  public Path writeBucketedSwitch(Path root, int buckets) throws IOException {
    List<List<Integer>> byBucket = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      byBucket.add(new ArrayList<>());
    }
    for (int i = 0; i < count; i++) {
      byBucket.get(Math.floorMod(pluginName(i).hashCode(), buckets)).add(i);
    }
    StringBuilder src = new StringBuilder();
    src.append("package ").append(PLUGIN_PACKAGE).append(";\n\n")
        .append("/** A name switch split by hash bucket into methods the JIT compiles. */\n")
        .append("public final class BucketedSwitch {\n")
        .append("  private BucketedSwitch() {}\n\n")
        .append("  /** Creates the plugin called {@code name}. */\n")
        .append("  public static ").append(EXTENSION_POINT).append(" create(String name) {\n")
        .append("    switch (Math.floorMod(name.hashCode(), ").append(buckets).append(")) {\n");
    for (int b = 0; b < buckets; b++) {
      src.append("      case ").append(b).append(": return bucket").append(b).append("(name);\n");
    }
    src.append("      default: throw new AssertionError(name);\n    }\n  }\n");
    for (int b = 0; b < buckets; b++) {
      src.append("\n  private static ").append(EXTENSION_POINT).append(" bucket").append(b)
          .append("(String name) {\n    switch (name) {\n");
      for (int i : byBucket.get(b)) {
        src.append("      case \"").append(pluginName(i)).append("\": return new ")
            .append(className(i)).append("();\n");
      }
      src.append("      default: throw new IllegalArgumentException(\"no plugin \" + name);\n")
          .append("    }\n  }\n");
    }
    src.append("}\n");
    return write(root, PLUGIN_PACKAGE, "BucketedSwitch", src.toString());
  }

  private static String extensionPoint(Variant variant) {
    String annotation = variant == Variant.PATCHBAY ? "@dev.patchbay.ExtensionPoint\n" : "";
    String parent = variant == Variant.PF4J ? " extends org.pf4j.ExtensionPoint" : "";
    return "package " + API_PACKAGE + ";\n\n"
        + "/** The extension point every generated plugin implements. */\n"
        + annotation
        + "public interface Greeter" + parent + " {\n"
        + "  /** The plugin's registered name. */\n"
        + "  String name();\n\n"
        + "  /** Some work, so a plugin is more than an empty class. */\n"
        + "  String greet(String who);\n"
        + "}\n";
  }

  private static String plugin(Variant variant, int index) {
    String name = pluginName(index);
    String annotation = switch (variant) {
      case PATCHBAY -> "@dev.patchbay.Plugin(value = \"" + name + "\", description = \""
          + description(index) + "\")\n";
      case SERVICE_LOADER -> "@com.google.auto.service.AutoService(" + EXTENSION_POINT
          + ".class)\n";
      case PF4J -> "@org.pf4j.Extension\n";
      case CLASSGRAPH, HAND_WRITTEN -> "";
    };
    return "package " + PLUGIN_PACKAGE + ";\n\n"
        + "/** Generated benchmark plugin number " + index + ". */\n"
        + annotation
        + "public final class " + className(index) + " implements " + EXTENSION_POINT + " {\n"
        + "  @Override\n"
        + "  public String name() {\n"
        + "    return \"" + name + "\";\n"
        + "  }\n\n"
        + "  @Override\n"
        + "  public String greet(String who) {\n"
        + "    return \"" + name + " greets \" + who.length() + \" characters\";\n"
        + "  }\n"
        + "}\n";
  }

  /**
   * The description plugin {@code index} is registered with.
   *
   * @param index 0-based plugin number
   * @return a short description
   */
  public static String description(int index) {
    return "Greeter number " + index + " of the benchmark";
  }

  /**
   * What a careful user writes without any tool: a list of metadata, a {@code switch} from name
   * to constructor, and a list of {@code new} calls. It is the lower bound for every variant.
   */
  private String handWrittenCatalog() {
    StringBuilder src = new StringBuilder();
    src.append("package ").append(PLUGIN_PACKAGE).append(";\n\n")
        .append("import dev.patchbay.PluginInfo;\n")
        .append("import java.util.ArrayList;\n")
        .append("import java.util.List;\n\n")
        .append("/** Every plugin named by hand: the lower bound for listing and creating. */\n")
        .append("public final class HandWrittenCatalog {\n")
        .append("  /** Metadata of every plugin, written out by hand. */\n")
        .append("  public static final List<PluginInfo> PLUGINS = List.of(\n");
    for (int i = 0; i < count; i++) {
      src.append("      new PluginInfo(\"").append(pluginName(i)).append("\", List.of(), \"")
          .append(description(i)).append("\", 0, \"").append(PLUGIN_PACKAGE).append('.')
          .append(className(i)).append("\", \"").append(EXTENSION_POINT).append("\")")
          .append(i + 1 < count ? ",\n" : ");\n\n");
    }
    src.append("  private HandWrittenCatalog() {}\n\n")
        .append("  /** Creates the plugin called {@code name} with a plain switch. */\n")
        .append("  public static ").append(EXTENSION_POINT).append(" create(String name) {\n")
        .append("    switch (name) {\n");
    for (int i = 0; i < count; i++) {
      src.append("      case \"").append(pluginName(i)).append("\": return new ")
          .append(className(i)).append("();\n");
    }
    src.append("      default: throw new IllegalArgumentException(\"no plugin \" + name);\n")
        .append("    }\n  }\n\n")
        .append("  /** Creates every plugin with a plain list of constructor calls. */\n")
        .append("  public static List<").append(EXTENSION_POINT).append("> createAll() {\n")
        .append("    List<").append(EXTENSION_POINT).append("> all = new ArrayList<>(")
        .append(count).append(");\n");
    for (int i = 0; i < count; i++) {
      src.append("    all.add(new ").append(className(i)).append("());\n");
    }
    src.append("    return all;\n  }\n}\n");
    return src.toString();
  }
}
