package dev.patchbay.loader;

import dev.patchbay.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The application and the plugin jars the tests load, built once per test JVM by the real
 * processor.
 *
 * <p>The application (the parent class loader) holds the extension point {@code api.Greeter}
 * (a {@code Supplier<String>}, so tests call plugins through a JDK type), its own plugin
 * {@code builtin}, and a library class {@code lib.Banner} that says "parent". Plugin jars bundle
 * their own {@code lib.Banner}.
 */
final class Fixtures {
  static final String GREETER = "api.Greeter";

  private static Fixtures instance;

  final Path root;
  final Path application;
  final Path hello1;
  final Path hello2;
  final Path bye;
  final Path clash;
  final Path noIndex;
  final Path needy;
  final Path oldInterface;
  final Path oldMetadata;

  private Fixtures(Path root) throws IOException {
    this.root = root;
    application = Javac.compile(root.resolve("app"), List.of(), true, Map.of(
        "api/Greeter.java", """
            package api;
            /** Says something. */
            @dev.patchbay.ExtensionPoint
            public interface Greeter extends java.util.function.Supplier<String> {}
            """,
        "app/Builtin.java", """
            package app;
            @dev.patchbay.Plugin(value = "builtin", description = "compiled into the application")
            public final class Builtin implements api.Greeter {
              public String get() { return "builtin " + lib.Banner.text(); }
            }
            """,
        "lib/Banner.java", banner("parent")));
    hello1 = plugin("hello-v1", "hello-1.0.jar", Map.of("Patchbay-Plugin-Id", "hello",
        "Implementation-Version", "1.0"), Map.of(
        "hello/Hello.java", greeter("hello", "hello.Hello", "\"hello \" + lib.Banner.text()", ""),
        "lib/Banner.java", banner("one")));
    hello2 = plugin("hello-v2", "hello-2.0.jar", Map.of("Patchbay-Plugin-Id", "hello",
        "Implementation-Version", "2.0"), Map.of(
        "hello/Hello.java", greeter("hello", "hello.Hello", "\"HELLO \" + lib.Banner.text()", ""),
        "lib/Banner.java", banner("v2")));
    bye = plugin("bye", "bye-3.1.jar", Map.of(), Map.of(
        "bye/Bye.java", greeter("bye", "bye.Bye", "\"bye \" + lib.Banner.text()",
            ", aliases = \"ciao\""),
        "lib/Banner.java", banner("two")));
    clash = plugin("clash", "clash.jar", Map.of("Patchbay-Plugin-Id", "clash"), Map.of(
        "clash/Other.java", greeter("hello", "clash.Other", "\"other\"", ""),
        "clash/Fine.java", greeter("fine", "clash.Fine", "\"fine\"", "")));
    Path plain = Javac.compile(root.resolve("no-index"), List.of(application), false, Map.of(
        "plain/Plain.java", greeter("plain", "plain.Plain", "\"plain\"", "")));
    noIndex = Javac.jar(plain, root.resolve("jars/plain.jar"), Map.of(), name -> true);
    Path needyClasses = Javac.compile(root.resolve("needy"), List.of(application), true, Map.of(
        "needy/Needy.java", """
            package needy;
            /** Its superclass is left out of the jar: the class itself cannot load. */
            @dev.patchbay.Plugin("needy")
            public final class Needy extends dep.Helper implements api.Greeter {
              public String get() { return text(); }
            }
            """,
        "needy/Fine.java", greeter("sturdy", "needy.Fine", "\"sturdy\"", ""),
        "dep/Helper.java", """
            package dep;
            public abstract class Helper { protected String text() { return "helped"; } }
            """));
    needy = Javac.jar(needyClasses, root.resolve("jars/needy.jar"), Map.of(),
        name -> !name.startsWith("dep/")); // the dependency is missing from the jar
    // An index compiled against another shape of PluginIndex, as an older Patchbay would write.
    Path oldClasses = Javac.compile(root.resolve("old-interface"), List.of(), false, Map.of(
        "dev/patchbay/spi/PluginIndex.java", """
            package dev.patchbay.spi;
            public interface PluginIndex { java.util.List<String> names(); }
            """,
        "old/OldIndex.java", """
            package old;
            public final class OldIndex implements dev.patchbay.spi.PluginIndex {
              public java.util.List<String> names() { return java.util.List.of("ancient"); }
            }
            """));
    Files.createDirectories(oldClasses.resolve("META-INF/services"));
    Files.writeString(oldClasses.resolve("META-INF/services/dev.patchbay.spi.PluginIndex"),
        "old.OldIndex\n");
    oldInterface = Javac.jar(oldClasses, root.resolve("jars/old-interface.jar"), Map.of(),
        name -> !name.startsWith("dev/"));
    // An index whose metadata text has the fields of another format version.
    Path metadataClasses = Javac.compile(root.resolve("old-metadata"), List.of(application), false,
        Map.of("older/OlderIndex.java", """
            package older;
            import dev.patchbay.PluginInfo;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Set;
            public final class OlderIndex implements dev.patchbay.spi.PluginIndex {
              public Set<String> extensionPoints() { return Set.of("api.Greeter"); }
              public List<PluginInfo> plugins(String point) {
                List<PluginInfo> plugins = new ArrayList<>();
                dev.patchbay.spi.PluginTables.decode(plugins, "older\\tolder.Older\\n", point);
                return plugins;
              }
              public Object create(String point, String name, Object... arguments) {
                throw new IllegalArgumentException(name);
              }
            }
            """));
    Files.createDirectories(metadataClasses.resolve("META-INF/services"));
    Files.writeString(metadataClasses.resolve("META-INF/services/dev.patchbay.spi.PluginIndex"),
        "older.OlderIndex\n");
    oldMetadata = Javac.jar(metadataClasses, root.resolve("jars/old-metadata.jar"), Map.of(),
        name -> true);
  }

  static synchronized Fixtures get() {
    if (instance == null) {
      try {
        Path root = Files.createTempDirectory("patchbay-loader-fixtures");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
        instance = new Fixtures(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** A new parent class loader over the application; each test gets its own. */
  ClassLoader parent() {
    try {
      return new URLClassLoader("application", new URL[] {application.toUri().toURL()},
          Fixtures.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies {@code jar} into {@code folder}, under {@code name} or its own name. */
  /** The registry of the greeter extension point, as {@code parent} defines it, in {@code directory}. */
  static Registry<?> greeters(PluginDirectory directory, ClassLoader parent)
      throws ClassNotFoundException {
    return directory.registry(Class.forName(GREETER, false, parent));
  }

  /** What the greeter {@code name} of {@code registry} says. */
  static String greet(Registry<?> registry, String name) {
    return (String) ((Supplier<?>) registry.create(name)).get();
  }

  static Path copy(Path jar, Path folder, String name) throws IOException {
    return Files.copy(jar, folder.resolve(name == null ? jar.getFileName().toString() : name),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private Path plugin(String dir, String jarName, Map<String, String> manifest,
      Map<String, String> sources) throws IOException {
    Path classes = Javac.compile(root.resolve(dir), List.of(application), true, sources);
    return Javac.jar(classes, root.resolve("jars/" + jarName), manifest, name -> true);
  }

  /** The source of plugin class {@code qualified}, registered under {@code name}. */
  private static String greeter(String name, String qualified, String expression, String extra) {
    int dot = qualified.lastIndexOf('.');
    String pkg = qualified.substring(0, dot);
    String simpleName = qualified.substring(dot + 1);
    return "package " + pkg + ";\n"
        + "@dev.patchbay.Plugin(value = \"" + name + "\"" + extra + ")\n"
        + "public final class " + simpleName + " implements api.Greeter {\n"
        + "  public String get() { return " + expression + "; }\n"
        + "}\n";
  }

  private static String banner(String text) {
    return "package lib;\n"
        + "public final class Banner {\n"
        + "  public static String text() { return \"" + text + "\"; }\n"
        + "}\n";
  }

  static void deleteTree(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at exit
    }
  }
}
