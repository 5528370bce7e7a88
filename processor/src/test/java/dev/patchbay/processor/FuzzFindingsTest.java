package dev.patchbay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.patchbay.Registry;
import dev.patchbay.processor.validation.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One regression test per defect that generated and mutated inputs found: each input used to end
 * in an internal error, in generated code that did not compile or meant something else, or in
 * output that disagreed with the documentation.
 */
final class FuzzFindingsTest {
  @TempDir Path temp;

  private static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new PatchbayProcessor()).withOptions("-Xlint:all")
        .compile(sources);
  }

  private static Javac.Result compileToDisk(Path out, List<Path> classpath, JavaFileObject... sources)
      throws Exception {
    Javac.Result result = Javac.compile(out, classpath, List.of(sources));
    assertTrue(result.success(), result::describe);
    assertEquals(List.of(), result.of(Diagnostic.Kind.WARNING), result::describe);
    assertEquals(List.of(), result.of(Diagnostic.Kind.MANDATORY_WARNING), result::describe);
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Registry<Object> registry(Javac.Loader loader, String registryClass) throws Exception {
    return (Registry<Object>) loader.loadClass(registryClass).getMethod("registry").invoke(null);
  }

  // --- Internal errors ---------------------------------------------------------------------

  @Test
  void foreignExtensionPoint_withInvalidRegistryName_isAnErrorOnThePlugin() throws Exception {
    Compilers.Result library = Compilers.compile(Compilers.Kind.JAVAC,
        Compilers.write(temp.resolve("lib"), Map.of("codec/Codec.java",
            "package codec;\n@dev.patchbay.ExtensionPoint(registry = \"codec registry\")\n"
                + "public interface Codec {}\n")),
        temp.resolve("lib/out"), false, List.of(), /* withProcessor= */ false);
    assertTrue(library.success(), library::describe);

    Compilation compilation = Compiler.javac().withProcessors(new PatchbayProcessor())
        .withClasspath(classpathWith(library.classes()))
        .compile(source("app.Base64",
            "package app;",
            "@dev.patchbay.Plugin(\"base64\")",
            "public class Base64 implements codec.Codec {}"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(Message.FOREIGN_EXTENSION_POINT_INVALID_REGISTRY.format("app.Base64", "codec.Codec", "codec registry", "codec.Codec"))
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("@dev.patchbay.Plugin");
  }

  /**
   * Another processor that reports an error and, in the same round, generates an extension point
   * with an invalid registry name: javac then runs no further round, so Patchbay meets the new
   * extension point only as an element it never saw annotated.
   */
  @javax.annotation.processing.SupportedAnnotationTypes("*")
  private static final class ErrorThenExtensionPoint extends javax.annotation.processing.AbstractProcessor {
    private boolean done;

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "other processor failed",
          round.getRootElements().iterator().next());
      try (java.io.Writer out = processingEnv.getFiler().createSourceFile("gen.Codec").openWriter()) {
        out.write("package gen;\n@dev.patchbay.ExtensionPoint(registry = \"codec registry\")\n"
            + "public interface Codec {}\n");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return false;
    }
  }

  @Test
  void extensionPointGeneratedInARoundWithAnError_isNoInternalError() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new ErrorThenExtensionPoint(), new PatchbayProcessor())
        .compile(source("app.Base64", "package app;", "@dev.patchbay.Plugin(\"base64\")",
            "public class Base64 implements gen.Codec {}"));

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("other processor failed");
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertFalse(error.getMessage(java.util.Locale.ROOT).contains("internal error"), error::toString);
      assertTrue(error.getSource() != null && error.getLineNumber() > 0, error::toString);
    }
  }

  @Test
  void pluginInTheUnnamedPackage_ofANamedExtensionPoint_isAnError() {
    JavaFileObject plugin = source("Sqlite",
        "@dev.patchbay.Plugin",
        "public class Sqlite implements test.db.DatabaseBackend {",
        "  public java.lang.String connect() { return \"s\"; }",
        "}");
    Compilation compilation = compile(Sources.databaseBackend(), plugin);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(Message.PLUGIN_IN_UNNAMED_PACKAGE.format("Sqlite",
        "test.db.DatabaseBackend", "test.db.DatabaseBackendRegistry", "Sqlite"))
        .inFile(plugin).onLineContaining("@dev.patchbay.Plugin");
  }

  @Test
  void pluginInTheUnnamedPackage_ofAForeignExtensionPoint_isListedByTheIndex() throws Exception {
    compileToDisk(temp.resolve("lib"), List.of(), source("other.Greeter",
        "package other;", "@dev.patchbay.ExtensionPoint", "public interface Greeter {}"));
    compileToDisk(temp.resolve("app"), List.of(temp.resolve("lib/classes")), source("Hello",
        "@dev.patchbay.Plugin(\"hello\")", "public class Hello implements other.Greeter {}"));

    try (Javac.Loader loader = new Javac.Loader(temp.resolve("lib/classes"), temp.resolve("app/classes"))) {
      Registry<?> greeters = registry(loader, "other.GreeterRegistry");
      assertEquals(List.of(), List.copyOf(greeters.names()));
      Class<?> greeter = loader.loadClass("other.Greeter");
      String index = Files.readString(temp.resolve("app/classes/META-INF/services/dev.patchbay.spi.PluginIndex")).strip();
      Object plugins = loader.loadClass(index).getMethod("plugins", String.class)
          .invoke(loader.loadClass(index).getConstructor().newInstance(), greeter.getName());
      assertTrue(plugins.toString().contains("hello"), plugins::toString);
    }
  }

  // --- Generated code shadowed by user names -----------------------------------------------

  /** Same-package classes named like the java.lang, java.util and Patchbay types generated code uses. */
  private static final List<String> LOOKALIKES = List.of("String", "Object", "Override", "Class",
      "IllegalArgumentException", "UnsupportedOperationException", "SuppressWarnings", "Integer",
      "Math", "List", "Set", "Optional", "Objects", "PluginInfo", "Registry", "Generated");

  @Test
  void samePackageClassesNamedLikeJavaLangTypes_doNotChangeTheGeneratedCode() throws Exception {
    List<JavaFileObject> sources = new java.util.ArrayList<>();
    for (String name : LOOKALIKES) {
      sources.add(source("shadow." + name, "package shadow;", "public class " + name + " {}"));
    }
    sources.add(source("shadow.Backend",
        "package shadow;",
        "@dev.patchbay.ExtensionPoint",
        "@dev.patchbay.RequireConstructor(parameters = {})",
        "@dev.patchbay.RequireConstructor(parameters = {java.lang.String.class, int.class})",
        "public interface Backend {}"));
    sources.add(source("shadow.Sqlite",
        "package shadow;",
        "@dev.patchbay.Plugin(value = \"sqlite\", aliases = \"lite\")",
        "public class Sqlite implements Backend {",
        "  public Sqlite() {}",
        "  public Sqlite(java.lang.String path, int size) {}",
        "}"));
    compileToDisk(temp, List.of(), sources.toArray(JavaFileObject[]::new));

    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Registry<Object> backends = registry(loader, "shadow.BackendRegistry");
      assertEquals(loader.loadClass("shadow.Backend"), backends.type());
      assertEquals("shadow.Sqlite", backends.create("lite").getClass().getName());
      assertEquals("shadow.Sqlite", backends.createWith("sqlite", "db", 3).getClass().getName());
    }
  }

  @Test
  void pluginsNamedLikeJavaLangTypes_areCreated() throws Exception {
    List<JavaFileObject> sources = new java.util.ArrayList<>();
    sources.add(source("look.Backend", "package look;", "@dev.patchbay.ExtensionPoint",
        "public interface Backend {}"));
    for (String name : List.of("String", "Object", "Override", "Class", "List", "Registry")) {
      sources.add(source("look." + name, "package look;",
          "@dev.patchbay.Plugin(\"" + name.toLowerCase(java.util.Locale.ROOT) + "\")",
          "public class " + name + " implements Backend {}"));
    }
    compileToDisk(temp, List.of(), sources.toArray(JavaFileObject[]::new));

    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Registry<Object> backends = registry(loader, "look.BackendRegistry");
      assertEquals("look.String", backends.create("string").getClass().getName());
      assertEquals("look.Object", backends.create("object").getClass().getName());
      assertEquals(6, backends.createAll().size());
    }
  }

  @Test
  void unnamedPackageTypesNamedLikeNestedHelpersAndJavaLangTypes_areNotHidden() throws Exception {
    List<JavaFileObject> sources = new java.util.ArrayList<>();
    sources.add(source("Metadata", "@dev.patchbay.ExtensionPoint", "public interface Metadata {}"));
    for (String name : List.of("NameIndex", "View", "Chunk0", "Table0", "String", "Object",
        "Registry", "List", "Override")) {
      sources.add(source(name, "@dev.patchbay.Plugin", "public class " + name + " implements Metadata {}"));
    }
    compileToDisk(temp, List.of(), sources.toArray(JavaFileObject[]::new));

    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Registry<Object> registry = registry(loader, "MetadataRegistry");
      assertEquals(loader.loadClass("Metadata"), registry.type());
      for (String name : List.of("NameIndex", "View", "Chunk0", "Table0", "String", "Object")) {
        assertEquals(name, registry.create(name).getClass().getName());
      }
      assertEquals(9, registry.plugins().size());
    }
  }

  @Test
  void packageNamedLikeANestedHelper_isNotHidden() throws Exception {
    compileToDisk(temp, List.of(),
        source("Metadata.View.Backend", "package Metadata.View;", "@dev.patchbay.ExtensionPoint",
            "public interface Backend {}"),
        source("NameIndex.Sqlite", "package NameIndex;", "@dev.patchbay.Plugin(\"sqlite\")",
            "public class Sqlite implements Metadata.View.Backend {}"),
        source("View.Memory", "package View;", "@dev.patchbay.Plugin(\"memory\")",
            "public class Memory implements Metadata.View.Backend {}"));

    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Registry<Object> registry = registry(loader, "Metadata.View.BackendRegistry");
      assertEquals(loader.loadClass("Metadata.View.Backend"), registry.type());
      assertEquals("NameIndex.Sqlite", registry.create("sqlite").getClass().getName());
      assertEquals("View.Memory", registry.create("memory").getClass().getName());
    }
  }

  /**
   * Two hidden packages whose plugins share a simple name: one file cannot import both, and
   * neither can be qualified.
   */
  @Test
  void pluginNeitherImportableNorQualifiable_isAnError() {
    JavaFileObject first = source("String.Sqlite",
        "package String;",
        "@dev.patchbay.Plugin(\"first\")",
        "public class Sqlite implements test.db.DatabaseBackend {",
        "  public java.lang.String connect() { return \"f\"; }",
        "}");
    JavaFileObject second = source("Math.Sqlite",
        "package Math;",
        "@dev.patchbay.Plugin(\"second\")",
        "public class Sqlite implements test.db.DatabaseBackend {",
        "  public String connect() { return \"s\"; }",
        "}");
    Compilation compilation = compile(Sources.databaseBackend(), first, second);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(Message.PACKAGE_HIDDEN_BY_TYPE.format("String.Sqlite", "test.db.DatabaseBackendRegistry", "String", "String", "java.lang.String",
        "Sqlite", "Math.Sqlite"))
        .inFile(first).onLineContaining("@dev.patchbay.Plugin");
  }

  /**
   * A plugin in a hidden package named like a type the generated code imports: the plugin gets
   * the import, and the library type is written qualified.
   */
  @Test
  void pluginNamedLikeAnImportedType_inAHiddenPackage_winsTheImport() throws Exception {
    compileToDisk(temp, List.of(), Sources.databaseBackend(), source("String.Object",
        "package String;",
        "@dev.patchbay.Plugin(\"object\")",
        "public class Object implements test.db.DatabaseBackend {",
        "  public java.lang.String connect() { return \"o\"; }",
        "}"));
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Registry<Object> registry = registry(loader, "test.db.DatabaseBackendRegistry");
      assertEquals("String.Object", registry.create("object").getClass().getName());
      assertEquals(List.of("object"), List.copyOf(registry.names()));
    }
  }

  /**
   * Names that interlock: {@code String.View} must be imported (the package {@code String} reads
   * as {@code java.lang.String}); that import hides the package {@code View} of
   * {@code View.q.Generated}, which must then be imported too, over {@code @Generated}. The
   * writer decides for all names of a file at once, under both compilers.
   */
  @ParameterizedTest
  @EnumSource(Compilers.Kind.class)
  void interlockingNames_compileAndLoad(Compilers.Kind kind) throws Exception {
    Map<String, String> sources = new TreeMap<>();
    sources.put("app/Chunk0.java", "package app;\n@dev.patchbay.ExtensionPoint(registry = \"Chunk0Plugins\")\n"
        + "public abstract class Chunk0 {\n  protected Chunk0() {}\n}\n");
    sources.put("String/View.java", "package String;\n@dev.patchbay.Plugin(\"view\")\n"
        + "public class View extends app.Chunk0 {\n  public View() {}\n}\n");
    sources.put("View/q/Generated.java", "package View.q;\n"
        + "@dev.patchbay.Plugin(value = \"generated\", aliases = \"g\")\n"
        + "public class Generated extends app.Chunk0 {\n  public Generated() {}\n}\n");
    sources.put("a/b/Generated.java", "package a.b;\npublic class Generated {}\n");
    sources.put("Optional.java", "public class Optional {}\n");
    Compilers.Result result = Compilers.compile(kind, Compilers.write(temp, sources),
        temp.resolve("out"), false, List.of());

    assertTrue(result.success(), result::describe);
    assertEquals(List.of(), result.warnings(), result::describe);
    try (Javac.Loader loader = new Javac.Loader(result.classes())) {
      Registry<Object> registry = registry(loader, "app.Chunk0Plugins");
      assertEquals(loader.loadClass("app.Chunk0"), registry.type());
      assertEquals("String.View", registry.create("view").getClass().getName());
      assertEquals("View.q.Generated", registry.create("g").getClass().getName());
      assertEquals(2, registry.createAll().size());
      assertEquals(Set.of("generated", "view"),
          Set.copyOf(dev.patchbay.Registries.of(loader.loadClass("app.Chunk0")).names()));
    }
  }

  @Test
  void pluginInAPackageNamedLikeAJavaLangType_isImported() throws Exception {
    compileToDisk(temp, List.of(), Sources.databaseBackend(), source("String.Sqlite",
        "package String;",
        "@dev.patchbay.Plugin(\"sqlite\")",
        "public class Sqlite implements test.db.DatabaseBackend {",
        "  public java.lang.String connect() { return \"s\"; }",
        "}"));
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      assertEquals("String.Sqlite",
          registry(loader, "test.db.DatabaseBackendRegistry").create("sqlite").getClass().getName());
    }
  }

  // --- Names the class file cannot store --------------------------------------------------

  @Test
  void unpairedSurrogateInAName_isAnError() {
    JavaFileObject plugin = source("test.db.Sqlite",
        "package test.db;",
        "@dev.patchbay.Plugin(value = \"a\\uD800\", aliases = {\"ok\", \"\\uDC00b\"})",
        "public class Sqlite implements DatabaseBackend {",
        "  public String connect() { return \"s\"; }",
        "}");
    Compilation compilation = compile(Sources.databaseBackend(), plugin);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(Message.PLUGIN_NAME_UNPAIRED_SURROGATE.format("name", "a\\uD800", "test.db.Sqlite", 0xD800, 1)).inFile(plugin).onLineContaining("@dev.patchbay.Plugin");
    assertThat(compilation).hadErrorContaining(Message.PLUGIN_NAME_UNPAIRED_SURROGATE.format("alias", "\\uDC00b", "test.db.Sqlite", 0xDC00, 0));
  }

  @Test
  void pairedSurrogatesInAName_areKept() throws Exception {
    compileToDisk(temp, List.of(), Sources.databaseBackend(),
        Sources.backend("Smile", "@Plugin(\"smile\\uD83D\\uDE00\")"));
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Registry<Object> registry = registry(loader, "test.db.DatabaseBackendRegistry");
      assertEquals(List.of("smile\uD83D\uDE00"), List.copyOf(registry.names()));
      assertEquals("test.db.Smile", registry.create("smile\uD83D\uDE00").getClass().getName());
    }
  }

  @Test
  void metadataLongerThanAStringConstant_isAnErrorOnTheLongestText() {
    JavaFileObject plugin = source("test.db.Sqlite",
        "package test.db;",
        "@dev.patchbay.Plugin(value = Sqlite.NAME, description = Sqlite.DESCRIPTION)",
        "public class Sqlite implements DatabaseBackend {",
        "  static final String NAME = \"" + "n".repeat(6_000) + "\";",
        "  static final String DESCRIPTION = \"" + "d".repeat(60_000) + "\";",
        "  public String connect() { return \"s\"; }",
        "}");
    Compilation compilation = compile(Sources.databaseBackend(), plugin);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("The description of @Plugin class test.db.Sqlite takes 60,000 bytes")
        .inFile(plugin).onLineContaining("@dev.patchbay.Plugin");
  }

  @Test
  void longMetadataWithinAStringConstant_compiles() throws Exception {
    compileToDisk(temp, List.of(), Sources.databaseBackend(), Sources.backend("Sqlite",
        "@Plugin(value = \"sqlite\", description = \"" + "\u00e9".repeat(20_000) + "\")"));
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      assertEquals(20_000, registry(loader, "test.db.DatabaseBackendRegistry").plugins().get(0)
          .description().length());
    }
  }

  // --- Modules and service files ----------------------------------------------------------

  /**
   * Compiles module {@code app} twice: once without {@code provides} lines, to read the ones the
   * processor asks for, then with them.
   */
  private Compilers.Result compileModuleWithRequestedProvides(Map<String, String> sources, String exports)
      throws Exception {
    Map<String, String> all = new TreeMap<>(sources);
    String start = "module app {\n  requires transitive dev.patchbay;\n  exports " + exports + ";\n";
    all.put("module-info.java", start + "}\n");
    Compilers.Result first = Compilers.compile(Compilers.Kind.JAVAC, Compilers.write(temp.resolve("a"), all),
        temp.resolve("a/out"), true, List.of());
    StringBuilder provides = new StringBuilder();
    Matcher line = Pattern.compile("provides [\\w.$]+ with [\\w.$, ]+;").matcher(first.describe());
    while (line.find()) {
      provides.append("  ").append(line.group()).append('\n');
    }
    all.put("module-info.java", start + provides + "}\n");
    return Compilers.compile(Compilers.Kind.JAVAC, Compilers.write(temp.resolve("b"), all),
        temp.resolve("b/out"), true, List.of());
  }

  @Test
  void dollarInAPackageName_namedModule_compilesWithTheProvidesLineItAsksFor() throws Exception {
    Compilers.Result result = compileModuleWithRequestedProvides(Map.of(
        "x$y/Backend.java", "package x$y;\n@dev.patchbay.ExtensionPoint\npublic interface Backend {}\n",
        "x$y/Sqlite.java", "package x$y;\n@dev.patchbay.Plugin\npublic class Sqlite implements Backend {\n"
            + "  public Sqlite() {}\n}\n"), "x$y");

    assertTrue(result.success(), result::describe);
    assertTrue(result.describe().isEmpty(), result::describe);
  }

  @Test
  void emptyRequiredConstructorBesideATypedOne_serviceFileAndModuleCheckAgree() throws Exception {
    Compilers.Result result = compileModuleWithRequestedProvides(Map.of(
        "app/Notifier.java", "package app;\n@dev.patchbay.ExtensionPoint\n"
            + "@dev.patchbay.RequireConstructor(parameters = {})\n"
            + "@dev.patchbay.RequireConstructor(parameters = String.class)\n"
            + "public interface Notifier {}\n",
        "app/Console.java", "package app;\n@dev.patchbay.Plugin\npublic class Console implements Notifier {\n"
            + "  public Console() {}\n  public Console(String prefix) {}\n}\n"), "app");

    assertTrue(result.success(), result::describe);
    assertEquals("app.Console\n",
        Files.readString(result.classes().resolve("META-INF/services/app.Notifier")));
    assertTrue(Files.readString(temp.resolve("b/src/module-info.java"))
        .contains("provides app.Notifier with app.Console;"));
  }

  @Test
  void onlyTypedRequiredConstructors_noServiceFileAndNoProvidesLine() throws Exception {
    Compilers.Result result = compileModuleWithRequestedProvides(Map.of(
        "app/Notifier.java", "package app;\n@dev.patchbay.ExtensionPoint\n"
            + "@dev.patchbay.RequireConstructor(parameters = String.class)\n"
            + "public interface Notifier {}\n",
        "app/Console.java", "package app;\n@dev.patchbay.Plugin\npublic class Console implements Notifier {\n"
            + "  public Console(String prefix) {}\n}\n"), "app");

    assertTrue(result.success(), result::describe);
    assertFalse(Files.exists(result.classes().resolve("META-INF/services/app.Notifier")));
    assertFalse(Files.readString(temp.resolve("b/src/module-info.java")).contains("provides app.Notifier"));
  }

  private static List<java.io.File> classpathWith(Path directory) {
    List<java.io.File> classpath = new java.util.ArrayList<>();
    classpath.add(directory.toFile());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    return classpath;
  }
}
