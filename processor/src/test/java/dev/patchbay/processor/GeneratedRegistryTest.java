package dev.patchbay.processor;

import static dev.patchbay.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.UnknownPluginException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles plugins with the processor, then loads and runs the generated registry for real. */
final class GeneratedRegistryTest {
  @TempDir Path temp;

  /** An abstract-class extension point: the case where a careless registry makes the verifier load plugins. */
  private static List<JavaFileObject> storage() {
    return List.of(
        source("test.store.Storage",
            "package test.store;",
            "@dev.patchbay.ExtensionPoint",
            "public abstract class Storage {",
            "  public abstract String kind();",
            "}"),
        source("test.store.Memory",
            "package test.store;",
            "@dev.patchbay.Plugin(value = \"memory\", aliases = {\"mem\", \"ram\"}, priority = 5,",
            "    description = \"keeps data in the heap\")",
            "public class Memory extends Storage {",
            "  public String kind() { return \"memory\"; }",
            "}"),
        source("test.store.FileStore",
            "package test.store;",
            "@dev.patchbay.Plugin(value = \"file\", priority = 5)",
            "public class FileStore extends Storage {",
            "  public String kind() { return \"file\"; }",
            "}"),
        source("test.store.Cloud",
            "package test.store;",
            "@dev.patchbay.Plugin(\"cloud\")",
            "public final class Cloud extends Storage {",
            "  private Cloud() {}",
            "  public static Cloud provider() { return new Cloud(); }",
            "  public String kind() { return \"cloud\"; }",
            "}"),
        source("test.store.Tape",
            "package test.store;",
            "@dev.patchbay.Plugin(value = \"tape\", priority = 9)",
            "public class Tape extends Storage {",
            "  public String kind() { return \"tape\"; }",
            "}"));
  }

  private Javac.Loader compileStorage() throws Exception {
    Javac.Result result = Javac.compile(temp, List.of(), storage());
    assertTrue(result.success(), result::describe);
    assertEquals(List.of(), result.of(Diagnostic.Kind.WARNING), result::describe);
    assertEquals(List.of(), result.of(Diagnostic.Kind.MANDATORY_WARNING), result::describe);
    return new Javac.Loader(temp.resolve("classes"));
  }

  private static Registry<?> registry(ClassLoader loader, String registryClass) throws Exception {
    return (Registry<?>) loader.loadClass(registryClass).getMethod("registry").invoke(null);
  }

  @Test
  void names_areSortedPrimaryNames_andLoadNoPluginClass() throws Exception {
    try (Javac.Loader loader = compileStorage()) {
      Registry<?> registry = registry(loader, "test.store.StorageRegistry");
      assertEquals(List.of("cloud", "file", "memory", "tape"), List.copyOf(registry.names()));
      List<PluginInfo> plugins = registry.plugins();
      assertEquals(List.of("tape", "file", "memory", "cloud"),
          plugins.stream().map(PluginInfo::name).toList(), "priority desc, then name");
      PluginInfo memory = plugins.get(2);
      assertEquals(List.of("mem", "ram"), memory.aliases());
      assertEquals("keeps data in the heap", memory.description());
      assertEquals("test.store.Memory", memory.implementation());
      assertEquals("test.store.Storage", memory.extensionPoint());
      for (String plugin : List.of("Memory", "FileStore", "Cloud", "Tape")) {
        assertFalse(loader.hasLoaded("test.store." + plugin), plugin + " was loaded by listing");
      }
    }
  }

  @Test
  void plugins_keepSeparatorsAndEscapesInMetadataText() throws Exception {
    // Metadata is generated as tab-separated text lines; fields holding the separators (or the
    // escape character, or characters outside ASCII) must come back unchanged.
    String description = "tab\there\nnext line, back\\slash \\t not a tab, caf\u00e9 \u20ac";
    Javac.Result result = Javac.compile(temp, List.of(), List.of(
        source("test.text.Codec",
            "package test.text;",
            "@dev.patchbay.ExtensionPoint",
            "public interface Codec {}"),
        source("test.text.Odd",
            "package test.text;",
            "@dev.patchbay.Plugin(value = \"odd\", aliases = {\"o\\\\d\", \"\u00e9\"}, priority = -3,",
            "    description = \"" + description.replace("\\", "\\\\").replace("\t", "\\t")
                .replace("\n", "\\n") + "\")",
            "public class Odd implements Codec {}"),
        source("test.text.Plain",
            "package test.text;",
            "@dev.patchbay.Plugin(\"plain\")",
            "public class Plain implements Codec {}")));
    assertTrue(result.success(), result::describe);
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      List<PluginInfo> plugins = registry(loader, "test.text.CodecRegistry").plugins();
      assertEquals(List.of("plain", "odd"), plugins.stream().map(PluginInfo::name).toList());
      PluginInfo odd = plugins.get(1);
      assertEquals(description, odd.description());
      assertEquals(List.of("o\\d", "\u00e9"), odd.aliases());
      assertEquals(-3, odd.priority());
      assertEquals("test.text.Odd", odd.implementation());
      assertEquals(List.of(), plugins.get(0).aliases());
      assertEquals("", plugins.get(0).description());
    }
  }

  @Test
  void create_loadsOnlyThatPlugin_andReturnsNewInstances() throws Exception {
    try (Javac.Loader loader = compileStorage()) {
      Registry<?> registry = registry(loader, "test.store.StorageRegistry");
      Object first = registry.create("ram");
      assertEquals("test.store.Memory", first.getClass().getName(), "alias resolves");
      assertNotSame(first, registry.create("memory"));
      assertTrue(loader.hasLoaded("test.store.Memory"));
      assertFalse(loader.hasLoaded("test.store.Tape"));
      assertFalse(loader.hasLoaded("test.store.FileStore"));
      assertEquals("test.store.Cloud", registry.create("cloud").getClass().getName(), "provider()");
      assertEquals(Optional.empty(), registry.find("nothing"));
      assertTrue(registry.contains("mem"));
      assertEquals(List.of("test.store.Tape", "test.store.FileStore", "test.store.Memory", "test.store.Cloud"),
          registry.createAll().stream().map(o -> o.getClass().getName()).toList());
    }
  }

  @Test
  void create_unknownName_suggestsNearest() throws Exception {
    try (Javac.Loader loader = compileStorage()) {
      Registry<?> registry = registry(loader, "test.store.StorageRegistry");
      UnknownPluginException e = assertThrows(UnknownPluginException.class, () -> registry.create("memroy"));
      assertEquals(Optional.of("memory"), e.suggestion());
      assertEquals("no test.store.Storage plugin is named 'memroy'; did you mean 'memory'?"
          + " Known names: cloud, file, mem, memory, ram, tape.", e.getMessage());
    }
  }

  @Test
  void serviceLoader_findsPlugins_withPublicNoArgConstructors() throws Exception {
    compileStorage().close();
    String services = Files.readString(temp.resolve("classes/META-INF/services/test.store.Storage"));
    // Cloud has only provider(), which ServiceLoader ignores on the class path.
    assertEquals("test.store.FileStore\ntest.store.Memory\ntest.store.Tape\n", services);
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Class<?> storage = loader.loadClass("test.store.Storage");
      List<String> found = java.util.ServiceLoader.load(storage, loader).stream()
          .map(p -> p.type().getName()).sorted().collect(Collectors.toList());
      assertEquals(List.of("test.store.FileStore", "test.store.Memory", "test.store.Tape"), found);
    }
  }

  @Test
  void registries_of_mergesThroughTheIndex() throws Exception {
    try (Javac.Loader loader = compileStorage()) {
      @SuppressWarnings("unchecked")
      Class<Object> storage = (Class<Object>) loader.loadClass("test.store.Storage");
      Registry<Object> merged = dev.patchbay.Registries.of(storage);
      assertEquals(List.of("cloud", "file", "memory", "tape"), List.copyOf(merged.names()));
      assertEquals("test.store.Memory", merged.create("mem").getClass().getName());
    }
  }

  @Test
  void genericExtensionPoint_andTypedFactories_work() throws Exception {
    List<JavaFileObject> sources = List.of(
        source("test.gen.Exporter",
            "package test.gen;",
            "@dev.patchbay.ExtensionPoint",
            "@dev.patchbay.RequireConstructor(parameters = {String.class, int.class})",
            "@dev.patchbay.RequireConstructor(parameters = java.util.List.class)",
            "public interface Exporter<T> {",
            "  String export(T value);",
            "}"),
        source("test.gen.Csv",
            "package test.gen;",
            "import java.util.List;",
            "@dev.patchbay.Plugin(value = \"csv\", aliases = \"comma\")",
            "public class Csv implements Exporter<String> {",
            "  private final String prefix;",
            "  public Csv(String separator, int width) { prefix = separator + width; }",
            "  public Csv(List<?> columns) { prefix = columns.toString(); }",
            "  public String export(String value) { return prefix + value; }",
            "}"));
    Javac.Result result = Javac.compile(temp, List.of(), sources);
    assertTrue(result.success(), result::describe);
    assertEquals(List.of(), result.of(Diagnostic.Kind.WARNING), result::describe);
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Class<?> registryClass = loader.loadClass("test.gen.ExporterRegistry");
      Object csv = registryClass.getMethod("create", String.class, String.class, int.class)
          .invoke(null, "comma", ";", 3);
      assertEquals(";3x", csv.getClass().getMethod("export", String.class).invoke(csv, "x"));
      Registry<?> registry = registry(loader, "test.gen.ExporterRegistry");
      Object viaList = registry.createWith("csv", List.of("a"));
      assertEquals("[a]x", viaList.getClass().getMethod("export", String.class).invoke(viaList, "x"));
      UnsupportedOperationException noArgs = assertThrows(UnsupportedOperationException.class,
          () -> registry.create("csv"));
      assertTrue(noArgs.getMessage().contains("ExporterRegistry.create(name, ...)"), noArgs.getMessage());
      assertThrows(IllegalArgumentException.class, () -> registry.createWith("csv", 1, 2));
      assertFalse(Files.exists(temp.resolve("classes/META-INF/services/test.gen.Exporter")),
          "ServiceLoader cannot create plugins that need constructor arguments");
    }
  }

  @Test
  void debugOption_printsNotePerPlugin() {
    var compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new PatchbayProcessor())
        .withOptions("-Apatchbay.debug=true")
        .compile(Sources.databaseBackend(), Sources.backend("Sqlite", "@Plugin(\"sqlite\")"));
    com.google.testing.compile.CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    com.google.testing.compile.CompilationSubject.assertThat(compilation)
        .hadNoteContaining(dev.patchbay.processor.validation.Message.DEBUG_REGISTERED.format(
            "sqlite", "test.db.Sqlite", "test.db.DatabaseBackend", "none", 0));
  }
}
