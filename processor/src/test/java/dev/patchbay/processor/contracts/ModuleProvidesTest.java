package dev.patchbay.processor.contracts;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.patchbay.processor.PatchbayProcessor;
import dev.patchbay.processor.validation.Message;
import dev.patchbay.processor.writing.IndexGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named module must declare the {@code provides} lines ServiceLoader needs.
 *
 * <p>These tests call javac through {@code javax.tools} on real files: compile-testing's in-memory
 * file manager offers the in-memory {@code module-info.java} for every module on the module path,
 * so javac cannot compile a named module through it.
 */
final class ModuleProvidesTest {
  private static final String BACKEND = """
      package app;
      import dev.patchbay.*;
      @ExtensionPoint
      public interface Backend {}
      """;
  private static final String SQLITE = """
      package app;
      import dev.patchbay.*;
      @Plugin
      public class Sqlite implements Backend {
        public Sqlite() {}
      }
      """;
  private static final String MEMORY = """
      package app;
      import dev.patchbay.*;
      @Plugin
      public class Memory implements Backend {
        public Memory() {}
      }
      """;

  @TempDir Path dir;

  /** Compiles module {@code app} from the given files (path relative to the source root). */
  private List<Diagnostic<? extends JavaFileObject>> compileModule(
      String moduleBody, Map<String, String> sources) throws IOException {
    Path src = dir.resolve("src");
    write(src.resolve("module-info.java"),
        "module app {\n  requires transitive dev.patchbay;\n  exports app;\n" + moduleBody + "}\n");
    for (Map.Entry<String, String> source : sources.entrySet()) {
      write(src.resolve(source.getKey()), source.getValue());
    }
    return javac(src, dir.resolve("out"),
        List.of("--module-path", Compilations.annotationsLocation().getPath()));
  }

  /** Compiles every source under {@code src} into {@code out} with the processor. */
  private static List<Diagnostic<? extends JavaFileObject>> javac(
      Path src, Path out, List<String> options) throws IOException {
    List<Path> files;
    try (var walk = Files.walk(src)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
    Files.createDirectories(out);
    List<String> all = new java.util.ArrayList<>(options);
    all.addAll(List.of("-d", out.toString(), "-Xlint:all"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics, all,
          null, fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new PatchbayProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static List<Diagnostic<? extends JavaFileObject>> ofKind(
      List<Diagnostic<? extends JavaFileObject>> all, Diagnostic.Kind kind) {
    return all.stream().filter(d -> d.getKind() == kind).collect(Collectors.toList());
  }

  /** The index the registry step generates: a stable name in the module's first package. */
  private static final String INDEX = "app." + IndexGenerator.SIMPLE_NAME;
  private static final String PROVIDES_INDEX =
      "  provides dev.patchbay.spi.PluginIndex with " + INDEX + ";\n";

  /** Asserts exactly the given errors, each on the {@code module app} line. */
  private static void assertModuleErrors(
      List<Diagnostic<? extends JavaFileObject>> all, String... messages) {
    List<Diagnostic<? extends JavaFileObject>> errors = ofKind(all, Diagnostic.Kind.ERROR);
    assertWithMessage("diagnostics: %s", all)
        .that(errors.stream().map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList()))
        .containsExactlyElementsIn(List.of(messages));
    for (Diagnostic<? extends JavaFileObject> error : errors) {
      assertThat(error.getSource().getName()).endsWith("module-info.java");
      assertThat(error.getLineNumber()).isEqualTo(1L); // "module app {"
    }
  }

  private static void assertClean(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    for (Diagnostic.Kind kind : List.of(Diagnostic.Kind.ERROR, Diagnostic.Kind.WARNING,
        Diagnostic.Kind.MANDATORY_WARNING)) {
      assertWithMessage("diagnostics: %s", diagnostics).that(ofKind(diagnostics, kind)).isEmpty();
    }
  }

  @Test
  void missingProvides_givesTheExactLinesToAdd() throws IOException {
    var diagnostics = compileModule("", Map.of(
        "app/Backend.java", BACKEND, "app/Sqlite.java", SQLITE, "app/Memory.java", MEMORY));

    assertModuleErrors(diagnostics,
        Message.MODULE_MISSING_PROVIDES.format("app", "app.Backend",
            "provides app.Backend with app.Memory, app.Sqlite;"),
        Message.MODULE_MISSING_INDEX_PROVIDES.format("app",
            "provides dev.patchbay.spi.PluginIndex with " + INDEX + ";"));
  }

  @Test
  void incompleteProvides_givesTheCorrectedLine() throws IOException {
    var diagnostics = compileModule("  provides app.Backend with app.Sqlite;\n" + PROVIDES_INDEX,
        Map.of("app/Backend.java", BACKEND, "app/Sqlite.java", SQLITE,
            "app/Memory.java", MEMORY));

    assertModuleErrors(diagnostics, Message.MODULE_INCOMPLETE_PROVIDES.format("app", "app.Backend", "app.Memory", "provides app.Backend with app.Sqlite, app.Memory;"));
  }

  @Test
  void completeProvides_compilesWithoutWarnings() throws IOException {
    var diagnostics = compileModule(
        "  provides app.Backend with app.Memory, app.Sqlite;\n" + PROVIDES_INDEX,
        Map.of("app/Backend.java", BACKEND, "app/Sqlite.java", SQLITE,
            "app/Memory.java", MEMORY));

    assertClean(diagnostics);
  }

  @Test
  void pluginsWithRequiredConstructors_needOnlyTheIndexLine() throws IOException {
    String notifier = """
        package app;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireConstructor(parameters = String.class)
        public interface Notifier {}
        """;
    String smtp = """
        package app;
        import dev.patchbay.*;
        @Plugin
        public class Smtp implements Notifier {
          public Smtp(String host) {}
        }
        """;
    var diagnostics = compileModule(
        "  provides dev.patchbay.spi.PluginIndex with " + INDEX
            + ";\n",
        Map.of("app/Notifier.java", notifier, "app/Smtp.java", smtp));

    assertClean(diagnostics);
  }

  @Test
  void staleIndexName_isReplacedNotKept() throws IOException {
    var diagnostics = compileModule(
        "  provides app.Backend with app.Memory, app.Sqlite;\n"
            + "  provides dev.patchbay.spi.PluginIndex with app.PatchbayIndex_00000000;\n",
        Map.of("app/Backend.java", BACKEND, "app/Sqlite.java", SQLITE,
            "app/Memory.java", MEMORY));

    // javac cannot resolve the old name; Patchbay gives the line that replaces it.
    List<String> errors = ofKind(diagnostics, Diagnostic.Kind.ERROR).stream()
        .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    assertWithMessage("diagnostics: %s", diagnostics).that(errors).hasSize(2);
    assertThat(errors.get(0)).contains("PatchbayIndex_00000000");
    assertThat(errors).contains(Message.MODULE_MISSING_INDEX_PROVIDES.format("app", "provides dev.patchbay.spi.PluginIndex with " + INDEX + ";"));
  }

  @Test
  void testSourcesPatchedIntoTheModule_needNoProvidesLines() throws IOException {
    assertClean(compileModule(
        "  provides app.Backend with app.Memory, app.Sqlite;\n" + PROVIDES_INDEX,
        Map.of("app/Backend.java", BACKEND, "app/Sqlite.java", SQLITE,
            "app/Memory.java", MEMORY)));
    // As Maven compiles tests: patched into the module, whose module-info is a class file now.
    Path tests = dir.resolve("test");
    write(tests.resolve("app/FakeBackend.java"), """
        package app;
        import dev.patchbay.*;
        @Plugin("fake")
        public class FakeBackend implements Backend {
          public FakeBackend() {}
        }
        """);
    var diagnostics = javac(tests, dir.resolve("test-out"), List.of(
        "--module-path", Compilations.annotationsLocation().getPath() + java.io.File.pathSeparator
            + dir.resolve("out"),
        "--patch-module", "app=" + tests));

    assertWithMessage("diagnostics: %s", diagnostics)
        .that(ofKind(diagnostics, Diagnostic.Kind.ERROR)).isEmpty();
  }
}
