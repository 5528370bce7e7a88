package dev.patchbay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.Sources.source;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.patchbay.processor.validation.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One failing fixture per shape rule: the error, its count, its file and its line. */
final class ShapeRulesTest {
  private static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new PatchbayProcessor()).withOptions("-Xlint:all").compile(sources);
  }

  private static void assertSingleError(Compilation compilation, String message, JavaFileObject file, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  @Test
  void plugin_onInterface_isRejected() {
    JavaFileObject plugin = source("test.db.Shared",
        "package test.db;",
        "@dev.patchbay.Plugin",
        "public interface Shared extends DatabaseBackend {}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_WRONG_KIND.format("test.db.Shared", "an interface"), plugin, "@dev.patchbay.Plugin");
  }

  @Test
  void plugin_abstract_isRejected() {
    JavaFileObject plugin = source("test.db.Base",
        "package test.db;",
        "@dev.patchbay.Plugin(\"base\")",
        "public abstract class Base implements DatabaseBackend {}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_ABSTRACT.format("test.db.Base"), plugin, "@dev.patchbay.Plugin");
  }

  @Test
  void plugin_notPublic_isRejected() {
    JavaFileObject plugin = source("test.db.Hidden",
        "package test.db;",
        "@dev.patchbay.Plugin(\"hidden\")",
        "class Hidden implements DatabaseBackend {",
        "  public String connect() { return \"\"; }",
        "}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_NOT_PUBLIC.format("test.db.Hidden", "test.db.Hidden"), plugin, "@dev.patchbay.Plugin");
  }

  @Test
  void plugin_insideNonPublicClass_pointsAtEnclosingClass() {
    JavaFileObject plugin = source("test.db.Holder",
        "package test.db;",
        "class Holder {",
        "  @dev.patchbay.Plugin(\"nested\")",
        "  public static class Nested implements DatabaseBackend {",
        "    public String connect() { return \"\"; }",
        "  }",
        "}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_NOT_PUBLIC.format("test.db.Holder.Nested", "test.db.Holder"), plugin, "class Holder");
  }

  @Test
  void plugin_innerClass_suggestsStatic() {
    JavaFileObject plugin = source("test.db.Outer",
        "package test.db;",
        "public class Outer {",
        "  @dev.patchbay.Plugin(\"inner\")",
        "  public class Inner implements DatabaseBackend {",
        "    public String connect() { return \"\"; }",
        "  }",
        "}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_INNER_CLASS.format("test.db.Outer.Inner"), plugin, "@dev.patchbay.Plugin(\"inner\")");
  }

  @Test
  void plugin_withoutExtensionPoint_isRejected() {
    JavaFileObject plugin = source("test.db.Lonely",
        "package test.db;",
        "@dev.patchbay.Plugin",
        "public class Lonely implements Runnable {",
        "  public void run() {}",
        "}");
    assertSingleError(compile(plugin),
        Message.PLUGIN_NO_EXTENSION_POINT.format("test.db.Lonely", "Runnable", "Lonely"), plugin, "@dev.patchbay.Plugin");
  }

  @Test
  void plugin_withoutNoArgConstructor_suggestsProviderName() {
    JavaFileObject plugin = source("test.db.Pooled",
        "package test.db;",
        "@dev.patchbay.Plugin(\"pooled\")",
        "public class Pooled implements DatabaseBackend {",
        "  public Pooled(int size) {}",
        "  public static Pooled provide() { return new Pooled(1); }",
        "  public String connect() { return \"\"; }",
        "}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_NO_FACTORY.format("test.db.Pooled", "DatabaseBackend", "test.db.DatabaseBackend")
            + Message.DID_YOU_MEAN_PROVIDER.format("provide"),
        plugin, "@dev.patchbay.Plugin");
  }

  @Test
  void plugin_privateConstructor_pointsAtConstructor() {
    JavaFileObject plugin = source("test.db.Closed",
        "package test.db;",
        "@dev.patchbay.Plugin(\"closed\")",
        "public class Closed implements DatabaseBackend {",
        "  private Closed() {}",
        "  public String connect() { return \"\"; }",
        "}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_CONSTRUCTOR_NOT_PUBLIC.format("test.db.Closed", "private"), plugin, "private Closed()");
  }

  @Test
  void plugin_providerNotStatic_pointsAtProvider() {
    JavaFileObject plugin = source("test.db.Factory",
        "package test.db;",
        "@dev.patchbay.Plugin(\"factory\")",
        "public class Factory implements DatabaseBackend {",
        "  Factory() {}",
        "  public Factory provider() { return new Factory(); }",
        "  public String connect() { return \"\"; }",
        "}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_PROVIDER_NOT_PUBLIC_STATIC.format("test.db.Factory", "public Factory provider()"),
        plugin, "public Factory provider()");
  }

  @Test
  void plugin_providerWrongType_pointsAtProvider() {
    JavaFileObject plugin = source("test.db.Odd",
        "package test.db;",
        "@dev.patchbay.Plugin(\"odd\")",
        "public class Odd implements DatabaseBackend {",
        "  public static String provider() { return \"\"; }",
        "  public String connect() { return \"\"; }",
        "}");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_PROVIDER_WRONG_TYPE.format("test.db.Odd", "String", "test.db.DatabaseBackend"),
        plugin, "public static String provider()");
  }

  @Test
  void plugin_blankName_pointsAtValue() {
    JavaFileObject plugin = Sources.backend("Blank", "@Plugin(value = \"sqlite\", aliases = {\"lite\", \" \"})");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_NAME_BLANK.format("alias", "test.db.Blank"), plugin, "@Plugin");
  }

  @Test
  void plugin_nameWithWhitespace_suggestsDash() {
    JavaFileObject plugin = Sources.backend("Spaced", "@Plugin(\"my sql\")");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_NAME_WHITESPACE.format("name", "my sql", "test.db.Spaced", "my-sql"), plugin, "@Plugin");
  }

  @Test
  void plugin_repeatedAlias_isRejected() {
    JavaFileObject plugin = Sources.backend("Twice", "@Plugin(value = \"pg\", aliases = {\"postgres\", \"pg\"})");
    assertSingleError(compile(Sources.databaseBackend(), plugin),
        Message.PLUGIN_REPEATED_NAME.format("test.db.Twice", "pg"), plugin, "@Plugin");
  }

  @Test
  void plugins_sharingAName_namesBothClasses() {
    JavaFileObject first = Sources.backend("Alpha", "@Plugin(\"sql\")");
    JavaFileObject second = Sources.backend("Beta", "@Plugin(value = \"beta\", aliases = \"sql\")");
    // Given in reverse order: the later class by name gets the error either way.
    assertSingleError(compile(Sources.databaseBackend(), second, first),
        Message.PLUGIN_DUPLICATE_NAME.format("sql", "test.db.DatabaseBackend", "test.db.Alpha", "test.db.Beta"),
        second, "@Plugin");
  }

  @Test
  void extensionPoint_onEnum_isRejected() {
    JavaFileObject point = source("test.ep.Color",
        "package test.ep;",
        "@dev.patchbay.ExtensionPoint",
        "public enum Color { RED }");
    assertSingleError(compile(point),
        Message.EXTENSION_POINT_WRONG_KIND.format("test.ep.Color", "an enum"), point, "@dev.patchbay.ExtensionPoint");
  }

  @Test
  void extensionPoint_concreteClass_isRejected() {
    JavaFileObject point = source("test.ep.Service",
        "package test.ep;",
        "@dev.patchbay.ExtensionPoint",
        "public class Service {}");
    assertSingleError(compile(point),
        Message.EXTENSION_POINT_WRONG_KIND.format("test.ep.Service", "a class that is not abstract"),
        point, "@dev.patchbay.ExtensionPoint");
  }

  @Test
  void extensionPoint_notPublic_isRejected() {
    JavaFileObject point = source("test.ep.Hidden",
        "package test.ep;",
        "@dev.patchbay.ExtensionPoint",
        "interface Hidden {}");
    assertSingleError(compile(point),
        Message.EXTENSION_POINT_NOT_PUBLIC.format("test.ep.Hidden", "test.ep.Hidden"), point, "@dev.patchbay.ExtensionPoint");
  }

  @Test
  void extensionPoint_innerAbstractClass_suggestsStatic() {
    JavaFileObject point = source("test.ep.Outer",
        "package test.ep;",
        "public class Outer {",
        "  @dev.patchbay.ExtensionPoint",
        "  public abstract class Inner {}",
        "}");
    assertSingleError(compile(point),
        Message.EXTENSION_POINT_INNER_CLASS.format("test.ep.Outer.Inner"), point, "@dev.patchbay.ExtensionPoint");
  }

  @Test
  void extensionPoint_registryNotIdentifier_pointsAtValue() {
    JavaFileObject point = source("test.ep.Codec",
        "package test.ep;",
        "@dev.patchbay.ExtensionPoint(registry = \"codec registry\")",
        "public interface Codec {}");
    assertSingleError(compile(point),
        Message.EXTENSION_POINT_REGISTRY_NOT_IDENTIFIER.format("codec registry", "test.ep.Codec", "CodecRegistry"),
        point, "registry = ");
  }

  @Test
  void extensionPoint_registryClashesWithExistingType() {
    JavaFileObject existing = source("test.ep.CodecRegistry",
        "package test.ep;",
        "public class CodecRegistry {}");
    JavaFileObject point = source("test.ep.Codec",
        "package test.ep;",
        "@dev.patchbay.ExtensionPoint",
        "public interface Codec {}");
    assertSingleError(compile(existing, point),
        Message.EXTENSION_POINT_REGISTRY_CLASH.format("test.ep.Codec", "test.ep.CodecRegistry",
            "the existing type test.ep.CodecRegistry", "CodecPlugins"),
        point, "@dev.patchbay.ExtensionPoint");
  }

  @Test
  void extensionPoint_registryClashesWithAnotherRegistry() {
    JavaFileObject first = source("test.ep.Alpha",
        "package test.ep;",
        "@dev.patchbay.ExtensionPoint(registry = \"Plugins\")",
        "public interface Alpha {}");
    JavaFileObject second = source("test.ep.Beta",
        "package test.ep;",
        "@dev.patchbay.ExtensionPoint(registry = \"Plugins\")",
        "public interface Beta {}");
    assertSingleError(compile(second, first),
        Message.EXTENSION_POINT_REGISTRY_CLASH.format("test.ep.Beta", "test.ep.Plugins",
            "the registry of extension point test.ep.Alpha", "BetaPluginRegistry"),
        second, "registry = ");
  }

  @Test
  void unresolvedSupertype_isReportedOnceProcessingIsOver() {
    JavaFileObject plugin = source("test.db.Ghost",
        "package test.db;",
        "@dev.patchbay.Plugin(\"ghost\")",
        "public class Ghost implements Missing {}");
    Compilation compilation = compile(plugin);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(Message.UNRESOLVED_TYPES.format("Plugin", "test.db.Ghost", "Missing"))
        .inFile(plugin).onLineContaining("public class Ghost");
  }

  @Test
  void unresolvedSupertype_closeToAnExtensionPoint_suggestsIt() {
    JavaFileObject plugin = source("test.db.Typo",
        "package test.db;",
        "@dev.patchbay.Plugin(\"typo\")",
        "public class Typo implements DatabaseBackendd {}");
    Compilation compilation = compile(Sources.databaseBackend(), plugin);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(Message.UNRESOLVED_TYPES.format("Plugin", "test.db.Typo", "DatabaseBackendd")
            + Message.DID_YOU_MEAN_TYPE.format("DatabaseBackend", "DatabaseBackendd"))
        .inFile(plugin).onLineContaining("public class Typo");
  }

  @Test
  void genericRecordAndNestedPlugins_compileWithoutWarnings() {
    Compilation compilation = compile(
        source("test.gen.Exporter",
            "package test.gen;",
            "@dev.patchbay.ExtensionPoint",
            "public interface Exporter<T> {",
            "  String export(T value);",
            "  @dev.patchbay.Plugin(\"plain\")",
            "  final class Plain implements Exporter<Object> {",
            "    public String export(Object value) { return String.valueOf(value); }",
            "  }",
            "}"),
        source("test.gen.Echo",
            "package test.gen;",
            "@dev.patchbay.Plugin(\"echo\")",
            "public class Echo<T extends CharSequence> implements Exporter<T> {",
            "  public String export(T value) { return value.toString(); }",
            "}"),
        source("test.gen.Tagged",
            "package test.gen;",
            "@dev.patchbay.Plugin(\"tagged\")",
            "public record Tagged() implements Exporter<String> {",
            "  public String export(String value) { return \"<\" + value + \">\"; }",
            "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.gen.ExporterRegistry").contentsAsUtf8String()
        .contains("return new Echo<>();");
  }

  @Test
  void validCode_compilesWithoutWarnings() {
    Compilation compilation = compile(Sources.databaseBackend(),
        Sources.backend("Sqlite", "@Plugin(value = \"sqlite\", aliases = \"lite\")"),
        Sources.backend("Postgres", "@Plugin"));
    assertThat(compilation).succeededWithoutWarnings();
  }
}
