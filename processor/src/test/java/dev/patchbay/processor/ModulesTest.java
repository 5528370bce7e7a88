package dev.patchbay.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiling a named module: provides with the generated index compiles; no @Generated without java.compiler. */
final class ModulesTest {
  /**
   * The index name: a stable name in the package that sorts first, which is what a module's
   * {@code provides} line must name, whatever plugins are added later.
   */
  private static final String INDEX = dev.patchbay.processor.writing.IndexGenerator.SIMPLE_NAME;

  @TempDir Path temp;

  private DiagnosticCollector<JavaFileObject> compileModule(String moduleInfo) throws Exception {
    Path src = temp.resolve("src");
    Files.createDirectories(src.resolve("com/example/shapes"));
    Files.writeString(src.resolve("module-info.java"), moduleInfo);
    Files.writeString(src.resolve("com/example/shapes/Shape.java"),
        "package com.example.shapes; @dev.patchbay.ExtensionPoint public interface Shape {}");
    Files.writeString(src.resolve("com/example/shapes/Circle.java"),
        "package com.example.shapes; @dev.patchbay.Plugin(\"circle\") public class Circle implements Shape { public Circle() {} }");
    Path annotations = Path.of(dev.patchbay.Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectories(temp.resolve("classes"))));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(Files.createDirectories(temp.resolve("generated"))));
      files.setLocationFromPaths(StandardLocation.MODULE_PATH, List.of(annotations));
      List<File> sources;
      try (var walk = Files.walk(src)) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).collect(Collectors.toList());
      }
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
          List.of("-Xlint:all", "--release", "17"), null, files.getJavaFileObjectsFromFiles(sources));
      task.setProcessors(List.of(new PatchbayProcessor()));
      boolean ok = task.call();
      assertTrue(ok, diagnostics.getDiagnostics().toString());
    }
    return diagnostics;
  }

  @Test
  void namedModule_providesTheGeneratedIndex() throws Exception {
    DiagnosticCollector<JavaFileObject> diagnostics = compileModule(String.join("\n",
        "module com.example.shapes {",
        // Exported extension points and registries expose Patchbay types: requires transitive.
        "  requires transitive dev.patchbay;",
        "  exports com.example.shapes;",
        "  provides dev.patchbay.spi.PluginIndex with com.example.shapes." + INDEX + ";",
        "  provides com.example.shapes.Shape with com.example.shapes.Circle;",
        "}"));
    assertEquals(List.of(), diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() != javax.tools.Diagnostic.Kind.NOTE).toList());
    Path index = temp.resolve("generated/com/example/shapes/" + INDEX + ".java");
    assertTrue(Files.exists(index));
    // Without 'requires static java.compiler' the module cannot see @Generated.
    assertFalse(Files.readString(index).contains("@Generated"));
    assertEquals("com.example.shapes." + INDEX + "\n",
        Files.readString(temp.resolve("classes/META-INF/services/dev.patchbay.spi.PluginIndex")));
  }

  @Test
  void namedModule_readingJavaCompiler_getsGenerated_andStillProvidesTheIndex() throws Exception {
    compileModule(String.join("\n",
        "module com.example.shapes {",
        "  requires transitive dev.patchbay;",
        "  requires static java.compiler;",
        "  exports com.example.shapes;",
        "  provides dev.patchbay.spi.PluginIndex with com.example.shapes." + INDEX + ";",
        // The contracts step requires this line in a named module (MODULE_MISSING_PROVIDES).
        "  provides com.example.shapes.Shape with com.example.shapes.Circle;",
        "}"));
    try (var walk = Files.walk(temp.resolve("generated"))) {
      Path index = walk.filter(p -> p.getFileName().toString().equals(INDEX + ".java")).findFirst().orElseThrow();
      assertTrue(Files.readString(index).contains("@Generated"));
    }
  }
}
