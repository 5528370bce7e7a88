package dev.patchbay.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated code compiles without a single warning under javac's {@code -Xlint:all} and under the
 * Eclipse compiler: on the class path with extension points of another jar, and (javac) in a
 * named module that reads {@code java.compiler}, so classes carry {@code @Generated}.
 *
 * <p>ECJ 3.40's batch compiler compiles no processor-generated source inside a named module
 * (it places generated files outside the module, where the module's own types do not resolve),
 * whatever the processor, so the named-module case runs with javac only.
 */
final class GeneratedCodeWarningsTest {
  @TempDir Path temp;

  /** Extension points of every shape the generators handle: plain, generic, typed, mixed. */
  private static Map<String, String> project(String pkg) {
    String dir = pkg.replace('.', '/') + "/";
    Map<String, String> sources = new TreeMap<>();
    sources.put(dir + "Backend.java", "package " + pkg + ";\n"
        + "@dev.patchbay.ExtensionPoint\n"
        + "public interface Backend { String connect(); }\n");
    sources.put(dir + "Sqlite.java", "package " + pkg + ";\n"
        + "@dev.patchbay.Plugin(value = \"sqlite\", aliases = {\"lite\", \"sqlite3\"}, priority = 10,"
        + " description = \"embedded\")\n"
        + "public class Sqlite implements Backend {\n"
        + "  public Sqlite() {}\n"
        + "  public String connect() { return \"s\"; }\n"
        + "}\n");
    sources.put(dir + "Pooled.java", "package " + pkg + ";\n"
        + "@dev.patchbay.Plugin(\"pooled\")\n"
        + "public class Pooled implements Backend {\n"
        + "  private Pooled() {}\n"
        + "  public static Backend provider() { return new Pooled(); }\n"
        + "  public String connect() { return \"p\"; }\n"
        + "}\n");
    sources.put(dir + "Exporter.java", "package " + pkg + ";\n"
        + "@dev.patchbay.ExtensionPoint(registry = \"Exporters\")\n"
        + "@dev.patchbay.RequireConstructor(parameters = {String.class, int.class})\n"
        + "@dev.patchbay.RequireConstructor(parameters = Object.class)\n"
        + "@dev.patchbay.RequireConstructor(parameters = java.util.List.class)\n"
        + "public interface Exporter<T> { String export(T value); }\n");
    sources.put(dir + "Csv.java", "package " + pkg + ";\n"
        + "@dev.patchbay.Plugin(\"csv\")\n"
        + "public class Csv implements Exporter<String> {\n"
        + "  public Csv(String separator, int width) {}\n"
        + "  public Csv(Object options) {}\n"
        + "  @SuppressWarnings(\"rawtypes\") public Csv(java.util.List columns) {}\n"
        + "  public String export(String value) { return value; }\n"
        + "}\n");
    sources.put(dir + "Notifier.java", "package " + pkg + ";\n"
        + "@dev.patchbay.ExtensionPoint\n"
        + "@dev.patchbay.RequireConstructor(parameters = {})\n"
        + "@dev.patchbay.RequireConstructor(parameters = String.class)\n"
        + "public abstract class Notifier {\n"
        + "  protected Notifier() {}\n"
        + "  public abstract void send(String text);\n"
        + "}\n");
    sources.put(dir + "Console.java", "package " + pkg + ";\n"
        + "@dev.patchbay.Plugin(value = \"console\", aliases = \"stdout\")\n"
        + "public class Console extends Notifier {\n"
        + "  public Console() {}\n"
        + "  public Console(String prefix) {}\n"
        + "  @Override public void send(String text) {}\n"
        + "}\n");
    return sources;
  }

  @Test
  void namedModule_readingJavaCompiler_compilesWithoutWarnings() throws Exception {
    Compilers.Kind compiler = Compilers.Kind.JAVAC;
    Map<String, String> sources = project("com.example.app");
    String moduleStart = "module com.example.app {\n"
        + "  requires transitive dev.patchbay;\n"
        + "  requires static java.compiler;\n"
        + "  exports com.example.app;\n";
    sources.put("module-info.java", moduleStart + "}\n");
    // The first compilation says which provides lines the module needs; the second has them.
    Compilers.Result first = Compilers.compile(compiler, Compilers.write(temp.resolve("a"), sources),
        temp.resolve("a/out"), true, List.of());
    StringBuilder provides = new StringBuilder();
    Matcher line = Pattern.compile("provides [\\w.$]+ with [\\w.$, ]+;").matcher(first.describe());
    while (line.find()) {
      provides.append("  ").append(line.group()).append('\n');
    }
    sources.put("module-info.java", moduleStart + provides + "}\n");
    Compilers.Result second = Compilers.compile(compiler, Compilers.write(temp.resolve("b"), sources),
        temp.resolve("b/out"), true, List.of());

    assertTrue(second.success(), second::describe);
    assertEquals(List.of(), second.warnings(), second::describe);
    try (var files = Files.walk(second.generated())) {
      Path registry = files.filter(p -> p.endsWith("BackendRegistry.java")).findFirst().orElseThrow();
      assertTrue(Files.readString(registry).contains("@Generated"), "no @Generated in " + registry);
    }
  }

  @ParameterizedTest
  @EnumSource(Compilers.Kind.class)
  void classPath_withAnExtensionPointOfAnotherJar_compilesWithoutWarnings(Compilers.Kind compiler)
      throws Exception {
    Compilers.Result library = Compilers.compile(compiler, Compilers.write(temp.resolve("lib"), Map.of(
        "lib/Greeter.java", "package lib;\n@dev.patchbay.ExtensionPoint\npublic interface Greeter {}\n",
        "lib/Codec.java", "package lib;\n@dev.patchbay.ExtensionPoint\n"
            + "@dev.patchbay.RequireConstructor(parameters = String.class)\npublic interface Codec {}\n")),
        temp.resolve("lib/out"), false, List.of());
    assertTrue(library.success(), library::describe);
    Map<String, String> sources = project("com.example.app");
    sources.put("com/example/app/Hello.java", "package com.example.app;\n"
        + "@dev.patchbay.Plugin(value = \"hello\", aliases = \"hi\")\n"
        + "public class Hello implements lib.Greeter {}\n");
    sources.put("com/example/app/Base64Codec.java", "package com.example.app;\n"
        + "@dev.patchbay.Plugin(\"base64\")\n"
        + "public class Base64Codec implements lib.Codec { public Base64Codec(String charset) {} }\n");
    Compilers.Result app = Compilers.compile(compiler, Compilers.write(temp.resolve("app"), sources),
        temp.resolve("app/out"), false, List.of(library.classes()));

    assertTrue(app.success(), app::describe);
    assertEquals(List.of(), app.warnings(), app::describe);
  }
}
