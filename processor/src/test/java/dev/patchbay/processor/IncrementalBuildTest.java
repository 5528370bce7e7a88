package dev.patchbay.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registries;
import dev.patchbay.Registry;
import dev.patchbay.processor.validation.Message;
import dev.patchbay.spi.PluginIndex;
import dev.patchbay.spi.PluginTables;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Partial builds as IDEs and incremental builds make them: a subset of the sources compiled into
 * the same output directory, with that directory on the class path. After every step the
 * generated registry, {@code ServiceLoader} and {@code Registries.of} must list exactly the
 * plugins whose classes exist and carry {@code @Plugin}. Real directories and the compilers'
 * own file managers, with javac and with the Eclipse compiler.
 */
final class IncrementalBuildTest {
  private static final String PACKAGE = "com.example.db";
  private static final String POINT = PACKAGE + ".DatabaseBackend";

  /** The two compilers, driven through {@code javax.tools} as build tools and IDEs drive them. */
  enum Tool {
    JAVAC(ToolProvider.getSystemJavaCompiler(),
        List.of("-Xlint:all", "--release", "17", "-implicit:class")),
    // Warnings of ECJ on generated code are the subject of other tests; processor warnings stay on.
    ECJ(new EclipseCompiler(), List.of("-17"));

    final JavaCompiler compiler;
    final List<String> options;

    Tool(JavaCompiler compiler, List<String> options) {
      this.compiler = compiler;
      this.options = options;
    }
  }

  @TempDir Path temp;

  private Path src() {
    return temp.resolve("src");
  }

  private Path classes() {
    return temp.resolve("classes");
  }

  private void write(String simpleName, String body) throws IOException {
    Path file = src().resolve(PACKAGE.replace('.', '/')).resolve(simpleName + ".java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package " + PACKAGE + ";\n\n" + body);
  }

  private void point() throws IOException {
    write("DatabaseBackend", "@dev.patchbay.ExtensionPoint\npublic interface DatabaseBackend {\n"
        + "  String connect();\n}\n");
  }

  private void plugin(String simpleName, String name) throws IOException {
    write(simpleName, "@dev.patchbay.Plugin(\"" + name + "\")\npublic class " + simpleName
        + " implements DatabaseBackend {\n  public String connect() { return \"" + name
        + "\"; }\n}\n");
  }

  /** Deletes a source and its class files, as an IDE does when a file is deleted. */
  private void delete(String simpleName) throws IOException {
    Files.delete(src().resolve(PACKAGE.replace('.', '/')).resolve(simpleName + ".java"));
    try (Stream<Path> files = Files.list(classes().resolve(PACKAGE.replace('.', '/')))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.equals(simpleName + ".class") || name.startsWith(simpleName + "$")) {
          Files.delete(file);
        }
      }
    }
  }

  /** Compiles the named sources of {@link #src()} into {@link #classes()}, which is on the class path. */
  private List<Diagnostic<? extends JavaFileObject>> compile(Tool tool, String... simpleNames)
      throws IOException {
    return compile(tool, List.of(), simpleNames);
  }

  private List<Diagnostic<? extends JavaFileObject>> compile(Tool tool, List<Path> extraClasspath,
      String... simpleNames) throws IOException {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        tool.compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Files.createDirectories(classes());
      Path generated = Files.createDirectories(temp.resolve("generated"));
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes().toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      List<File> classpath = new ArrayList<>();
      classpath.add(classes().toFile());
      extraClasspath.forEach(entry -> classpath.add(entry.toFile()));
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classpath.add(new File(entry));
      }
      files.setLocation(StandardLocation.CLASS_PATH, classpath);
      List<File> sources = new ArrayList<>();
      for (String name : simpleNames) {
        sources.add(src().resolve(PACKAGE.replace('.', '/')).resolve(name + ".java").toFile());
      }
      JavaCompiler.CompilationTask task = tool.compiler.getTask(null, files, diagnostics,
          tool.options, null, files.getJavaFileObjectsFromFiles(sources));
      task.setProcessors(List.of(new PatchbayProcessor()));
      boolean success = task.call();
      String described = describe(diagnostics.getDiagnostics());
      assertTrue(success, described);
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (tool == Tool.JAVAC && (d.getKind() == Diagnostic.Kind.WARNING
            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)) {
          // javac's -Xlint:processing says that a regenerated registry or index replaces the class
          // of the same name in the earlier output, which is exactly what happens here.
          assertTrue(d.getMessage(Locale.ROOT).contains("already exists on the sourcepath or classpath")
              || d.getMessage(Locale.ROOT).contains(PACKAGE + ".Ghost"), described);
        }
        assertTrue(d.getKind() != Diagnostic.Kind.ERROR, described);
      }
      return diagnostics.getDiagnostics();
    }
  }

  private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /**
   * Loads the output in a fresh class loader and checks that the generated registry,
   * ServiceLoader and Registries.of all list {@code expected} (plugin name to simple class name).
   *
   * @param handWritten simple names of further service entries ServiceLoader must also find
   */
  private void assertPlugins(Set<String> expected, String... handWritten) throws Exception {
    try (Javac.Loader loader = new Javac.Loader(classes())) {
      Class<?> point = Class.forName(POINT, false, loader);
      Class<?> registry = Class.forName(POINT + "Registry", true, loader);
      Method names = registry.getMethod("names");
      Method createAll = registry.getMethod("createAll");
      Method plugins = registry.getMethod("plugins");
      Set<String> fromRegistry = new TreeSet<>();
      for (Object info : (List<?>) plugins.invoke(null)) {
        PluginInfo plugin = (PluginInfo) info;
        fromRegistry.add(plugin.name() + "=" + simple(plugin.implementation()));
      }
      assertEquals(expected, fromRegistry, "registry plugins()");
      assertEquals(names(expected), new TreeSet<>((Collection<?>) names.invoke(null)), "registry names()");
      assertEquals(classesOf(expected), created((List<?>) createAll.invoke(null)), "registry createAll()");

      Set<String> services = new TreeSet<>();
      ServiceLoader.load(point, loader).forEach(p -> services.add(p.getClass().getSimpleName()));
      Set<String> expectedServices = classesOf(expected);
      expectedServices.addAll(List.of(handWritten));
      assertEquals(expectedServices, services, "ServiceLoader");

      Registry<?> merged = Registries.of(point);
      assertEquals(names(expected), merged.names(), "Registries.of names()");
      assertEquals(classesOf(expected), created(merged.createAll()), "Registries.of createAll()");
      assertListingMatchesIndex(loader);
    }
  }

  /**
   * Checks that the plugin listing beside the index in {@link #classes()} lists what the index
   * class lists: the same extension points and, for each, the same plugins in the same order.
   */
  private void assertListingMatchesIndex(ClassLoader loader) throws Exception {
    Path service = classes().resolve("META-INF/services/dev.patchbay.spi.PluginIndex");
    String indexName = Files.readString(service).strip();
    PluginIndex index = (PluginIndex) Class.forName(indexName, true, loader)
        .getConstructor().newInstance();
    Map<String, List<PluginInfo>> fromIndex = new TreeMap<>();
    for (String point : index.extensionPoints()) {
      fromIndex.put(point, index.plugins(point));
    }
    Path listing = classes().resolve("META-INF/patchbay/plugins/" + indexName + ".tsv");
    List<String> lines = Files.readAllLines(listing);
    assertEquals("patchbay-plugin-listing\t1", lines.get(0), "listing header");
    Map<String, List<PluginInfo>> fromListing = new TreeMap<>();
    String point = null;
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("point\t")) {
        point = line.substring("point\t".length());
        fromListing.put(point, new ArrayList<>());
      } else {
        assertTrue(line.startsWith("plugin\t") && point != null, line);
        PluginTables.decode(fromListing.get(point), line.substring("plugin\t".length()), point);
      }
    }
    assertEquals(fromIndex, fromListing, "the plugin listing " + listing + " and " + indexName);
  }

  private static String simple(String binaryName) {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1);
  }

  private static Set<String> names(Set<String> expected) {
    return expected.stream().map(e -> e.substring(0, e.indexOf('=')))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> classesOf(Set<String> expected) {
    return expected.stream().map(e -> e.substring(e.indexOf('=') + 1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> created(List<?> instances) {
    return instances.stream().map(i -> i.getClass().getSimpleName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void everyPartialBuild_listsExactlyThePluginsThatExist(Tool tool) throws Exception {
    point();
    plugin("SqliteBackend", "sqlite");
    plugin("PostgresBackend", "postgres");
    plugin("MysqlBackend", "mysql");
    compile(tool, "DatabaseBackend", "SqliteBackend", "PostgresBackend", "MysqlBackend");
    Set<String> all = Set.of("mysql=MysqlBackend", "postgres=PostgresBackend", "sqlite=SqliteBackend");
    assertPlugins(all);

    // One plugin alone: the others stay. Its registration did not change (as when a method body
    // is edited), so the registry is not even regenerated.
    Path registrySource = temp.resolve("generated/" + POINT.replace('.', '/') + "Registry.java");
    Files.delete(registrySource);
    compile(tool, "PostgresBackend");
    assertPlugins(all);
    assertTrue(Files.notExists(registrySource), "registry regenerated though nothing changed");

    // One plugin alone with its registration changed: the registry follows.
    plugin("PostgresBackend", "postgresql");
    compile(tool, "PostgresBackend");
    assertPlugins(Set.of("mysql=MysqlBackend", "postgresql=PostgresBackend", "sqlite=SqliteBackend"));
    plugin("PostgresBackend", "postgres");
    compile(tool, "PostgresBackend");
    assertPlugins(all);

    // The extension point alone: its registry is regenerated with the plugins it had; our own
    // earlier registry on the class path is no name clash.
    compile(tool, "DatabaseBackend");
    assertPlugins(all);

    // A new plugin alone joins.
    plugin("OracleBackend", "oracle");
    compile(tool, "OracleBackend");
    assertPlugins(Set.of("mysql=MysqlBackend", "oracle=OracleBackend", "postgres=PostgresBackend",
        "sqlite=SqliteBackend"));

    // A plugin deleted (source and class) and another recompiled: the deleted one leaves.
    delete("MysqlBackend");
    compile(tool, "SqliteBackend");
    assertPlugins(Set.of("oracle=OracleBackend", "postgres=PostgresBackend", "sqlite=SqliteBackend"));

    // @Plugin removed from a class: it leaves the registry and the service file.
    write("PostgresBackend", "@SuppressWarnings(\"patchbay\")\n"
        + "public class PostgresBackend implements DatabaseBackend {\n"
        + "  public String connect() { return \"postgres\"; }\n}\n");
    compile(tool, "PostgresBackend");
    assertPlugins(Set.of("oracle=OracleBackend", "sqlite=SqliteBackend"));

    // A plugin renamed (the class): the old class is gone, the new one answers to the name.
    delete("OracleBackend");
    plugin("OracleDbBackend", "oracle");
    compile(tool, "OracleDbBackend");
    assertPlugins(Set.of("oracle=OracleDbBackend", "sqlite=SqliteBackend"));

    // A compilation without any Patchbay annotation still notices a deleted plugin.
    delete("OracleDbBackend");
    compile(tool, "PostgresBackend");
    assertPlugins(Set.of("sqlite=SqliteBackend"));
  }

  /**
   * A description edited: only the registry's metadata class is regenerated, not the registry's
   * code nor the index (which holds no descriptions), and everything lists the new text; a
   * priority edit, which reorders the plugins, regenerates all three.
   */
  @ParameterizedTest
  @EnumSource(Tool.class)
  void descriptionEdited_regeneratesOnlyTheMetadataClass(Tool tool) throws Exception {
    point();
    plugin("SqliteBackend", "sqlite");
    plugin("PostgresBackend", "postgres");
    compile(tool, "DatabaseBackend", "SqliteBackend", "PostgresBackend");
    Set<String> both = Set.of("postgres=PostgresBackend", "sqlite=SqliteBackend");
    assertPlugins(both);
    Path generated = temp.resolve("generated/" + PACKAGE.replace('.', '/'));
    Path registry = generated.resolve("DatabaseBackendRegistry.java");
    Path texts = generated.resolve("DatabaseBackendRegistry$Texts.java");
    Path index = generated.resolve("PatchbayIndex.java");
    Files.delete(registry);
    Files.delete(texts);
    Files.delete(index);

    write("PostgresBackend", "@dev.patchbay.Plugin(value = \"postgres\", description = \"networked\")\n"
        + "public class PostgresBackend implements DatabaseBackend {\n"
        + "  public String connect() { return \"postgres\"; }\n}\n");
    compile(tool, "PostgresBackend");
    assertPlugins(both);
    assertTrue(Files.notExists(registry), "registry code regenerated for a description edit");
    assertTrue(Files.notExists(index), "index regenerated for a description edit");
    assertTrue(Files.readString(texts).contains("networked"));
    assertEquals(Map.of("postgres", "networked", "sqlite", ""), descriptions());

    write("PostgresBackend", "@dev.patchbay.Plugin(value = \"postgres\", description = \"networked\","
        + " priority = 5)\npublic class PostgresBackend implements DatabaseBackend {\n"
        + "  public String connect() { return \"postgres\"; }\n}\n");
    compile(tool, "PostgresBackend");
    assertPlugins(both);
    assertTrue(Files.exists(registry), "registry code not regenerated though the order changed");
    assertTrue(Files.exists(index), "index not regenerated though a priority changed");
    assertEquals(Map.of("postgres", "networked", "sqlite", ""), descriptions());
  }

  /** Each plugin's description as the generated registry lists it, in a fresh class loader. */
  private Map<String, String> descriptions() throws Exception {
    try (Javac.Loader loader = new Javac.Loader(classes())) {
      Class<?> registry = Class.forName(POINT + "Registry", true, loader);
      Map<String, String> descriptions = new TreeMap<>();
      for (Object info : (List<?>) registry.getMethod("plugins").invoke(null)) {
        PluginInfo plugin = (PluginInfo) info;
        descriptions.put(plugin.name(), plugin.description());
      }
      return descriptions;
    }
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void handWrittenServiceEntry_isKept_andAMissingClassIsReported(Tool tool) throws Exception {
    point();
    plugin("SqliteBackend", "sqlite");
    plugin("PostgresBackend", "postgres");
    write("LegacyBackend", "@SuppressWarnings(\"patchbay\")\npublic class LegacyBackend implements DatabaseBackend {\n"
        + "  public String connect() { return \"legacy\"; }\n}\n");
    // As Maven does: resources are copied into the output before javac runs.
    Path services = classes().resolve("META-INF/services/" + POINT);
    Files.createDirectories(services.getParent());
    Files.writeString(services, "# written by hand\n" + PACKAGE + ".LegacyBackend\n");
    compile(tool, "DatabaseBackend", "SqliteBackend", "PostgresBackend", "LegacyBackend");
    Set<String> both = Set.of("postgres=PostgresBackend", "sqlite=SqliteBackend");
    assertPlugins(both, "LegacyBackend");

    compile(tool, "PostgresBackend");
    assertPlugins(both, "LegacyBackend");

    // A hand-written entry naming no class is kept (it is not Patchbay's to drop) but reported.
    Files.writeString(services, Files.readString(services) + PACKAGE + ".Ghost\n");
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(tool, "SqliteBackend");
    String expected = Message.SERVICE_ENTRY_UNKNOWN_CLASS.format("META-INF/services/" + POINT, PACKAGE + ".Ghost");
    assertTrue(diagnostics.stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.WARNING
        && d.getMessage(Locale.ROOT).contains(expected)), describe(diagnostics));
    assertTrue(Files.readString(services).contains(PACKAGE + ".LegacyBackend\n"));
    assertTrue(Files.readString(services).contains(PACKAGE + ".Ghost\n"));
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void registryReadByASourceCompiledNow_isReplaced(Tool tool) throws Exception {
    point();
    plugin("SqliteBackend", "sqlite");
    compile(tool, "DatabaseBackend", "SqliteBackend");
    // A source compiled now refers to the registry in the output while it is regenerated.
    write("App", "import static " + POINT + "Registry.names;\n"
        + "public class App {\n  public static Object all() { return names(); }\n}\n");
    plugin("SqliteBackend", "sqlite3");
    compile(tool, "App", "SqliteBackend");
    assertPlugins(Set.of("sqlite3=SqliteBackend"));
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void pluginsOfAnotherJarsExtensionPoint_stayRightInTheIndex(Tool tool) throws Exception {
    // The extension point comes from another jar: its plugins here live in a table of the index.
    Javac.Result api = Javac.compile(temp.resolve("api"), List.of(), List.of(Sources.source(
        "api.Greeter", "package api;", "@dev.patchbay.ExtensionPoint", "public interface Greeter {}")));
    assertTrue(api.success(), api::describe);
    List<Path> apiClasses = List.of(temp.resolve("api/classes"));
    for (String name : List.of("Hello", "Hi", "Ciao")) {
      write(name, "@dev.patchbay.Plugin(\"" + name.toLowerCase(Locale.ROOT) + "\")\n"
          + "public class " + name + " implements api.Greeter {}\n");
    }
    compile(tool, apiClasses, "Hello", "Hi", "Ciao");
    assertGreeters(Set.of("ciao", "hello", "hi"));

    compile(tool, apiClasses, "Hi");
    assertGreeters(Set.of("ciao", "hello", "hi"));

    delete("Ciao");
    write("Hi", "@dev.patchbay.Plugin(\"hey\")\npublic class Hi implements api.Greeter {}\n");
    compile(tool, apiClasses, "Hi");
    assertGreeters(Set.of("hello", "hey"));
  }

  private void assertGreeters(Set<String> names) throws Exception {
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("api/classes"), classes())) {
      Class<?> point = Class.forName("api.Greeter", false, loader);
      assertEquals(names, Registries.of(point).names(), "Registries.of names()");
      Set<String> services = new TreeSet<>();
      ServiceLoader.load(point, loader).forEach(p ->
          services.add(p.getClass().getSimpleName().toLowerCase(Locale.ROOT)));
      Set<String> expected = new TreeSet<>(names);
      if (expected.remove("hey")) {
        expected.add("hi"); // the class Hi answers to "hey"
      }
      assertEquals(expected, services, "ServiceLoader");
      assertListingMatchesIndex(loader);
    }
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void indexName_staysTheSame_asPluginsAreAdded(Tool tool) throws Exception {
    point();
    plugin("SqliteBackend", "sqlite");
    compile(tool, "DatabaseBackend", "SqliteBackend");
    Path indexService = classes().resolve("META-INF/services/dev.patchbay.spi.PluginIndex");
    assertEquals(PACKAGE + ".PatchbayIndex\n", Files.readString(indexService));

    plugin("AaaBackend", "aaa");
    compile(tool, "AaaBackend");
    assertEquals(PACKAGE + ".PatchbayIndex\n", Files.readString(indexService));
    assertPlugins(Set.of("aaa=AaaBackend", "sqlite=SqliteBackend"));
  }
}
