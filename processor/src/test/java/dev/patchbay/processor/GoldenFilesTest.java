package dev.patchbay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares generated sources with the files in {@code src/test/resources/goldens}.
 *
 * <p>Run with {@code PATCHBAY_UPDATE_GOLDENS=true} to rewrite the goldens from the current
 * output on purpose, then review the diff before committing.
 */
final class GoldenFilesTest {
  private static final boolean UPDATE = Boolean.parseBoolean(System.getenv("PATCHBAY_UPDATE_GOLDENS"));
  private static final Path GOLDENS = Path.of("src/test/resources/goldens");

  private static void assertGolden(Compilation compilation, String qualifiedName, String golden) throws IOException {
    assertThat(compilation).succeededWithoutWarnings();
    if (UPDATE) {
      JavaFileObject generated = compilation.generatedSourceFile(qualifiedName).orElseThrow();
      Files.createDirectories(GOLDENS);
      Files.writeString(GOLDENS.resolve(golden), generated.getCharContent(true), StandardCharsets.UTF_8);
    }
    assertThat(compilation).generatedSourceFile(qualifiedName)
        .hasSourceEquivalentTo(JavaFileObjects.forResource("goldens/" + golden));
  }

  private static Compilation databaseBackends() {
    return Compiler.javac().withProcessors(new PatchbayProcessor()).compile(
        Sources.databaseBackend(),
        Sources.backend("Sqlite", "@Plugin(value = \"sqlite\", aliases = {\"lite\", \"sqlite3\"}, priority = 10,"
            + " description = \"embedded, zero set-up\")"),
        Sources.backend("Postgres", "@Plugin(value = \"postgres\", aliases = \"pg\")"),
        Sources.backend("Memory", "@Plugin"));
  }

  @Test
  void registry_ofPlainInterface() throws IOException {
    Compilation compilation = databaseBackends();
    assertGolden(compilation, "test.db.DatabaseBackendRegistry", "DatabaseBackendRegistry.java");
    // The metadata text is a class of its own, so that a description edit recompiles it alone.
    assertGolden(compilation, "test.db.DatabaseBackendRegistry$Texts", "DatabaseBackendRegistry$Texts.java");
  }

  @Test
  void index_delegatesToRegistries_andHoldsForeignTables(@TempDir Path temp) throws IOException {
    // An extension point of another jar, seen only as a class file.
    Javac.Result other = Javac.compile(temp, List.of(), List.of(source("other.Greeter",
        "package other;",
        "@dev.patchbay.ExtensionPoint",
        "public interface Greeter {}")));
    assertTrue(other.success(), other::describe);
    List<File> classpath = new ArrayList<>();
    classpath.add(temp.resolve("classes").toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    Compilation compilation = Compiler.javac().withProcessors(new PatchbayProcessor())
        .withClasspath(classpath)
        .compile(Sources.databaseBackend(), Sources.backend("Memory", "@Plugin"),
            source("test.db.Hello",
                "package test.db;",
                "@dev.patchbay.Plugin(value = \"hello\", aliases = \"hi\")",
                "public class Hello implements other.Greeter {}"));
    assertGolden(compilation, "test.db.PatchbayIndex", "PatchbayIndex.java");
  }

  @Test
  void registry_ofGenericPointWithTypedFactories() throws IOException {
    Compilation compilation = Compiler.javac().withProcessors(new PatchbayProcessor()).compile(
        source("test.gen.Exporter",
            "package test.gen;",
            "@dev.patchbay.ExtensionPoint(registry = \"Exporters\")",
            "@dev.patchbay.RequireConstructor(parameters = {String.class, int.class})",
            "public interface Exporter<T> {",
            "  String export(T value);",
            "}"),
        source("test.gen.Csv",
            "package test.gen;",
            "@dev.patchbay.Plugin(\"csv\")",
            "public class Csv implements Exporter<String> {",
            "  public Csv(String separator, int width) {}",
            "  public String export(String value) { return value; }",
            "}"));
    assertGolden(compilation, "test.gen.Exporters", "Exporters.java");
  }
}
