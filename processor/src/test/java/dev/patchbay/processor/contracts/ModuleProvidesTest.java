package dev.patchbay.processor.contracts;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.patchbay.processor.PatchbayProcessor;
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
      public class Sqlite implements Backend {}
      """;
  private static final String MEMORY = """
      package app;
      import dev.patchbay.*;
      @Plugin
      public class Memory implements Backend {}
      """;

  @TempDir Path dir;

  /** Compiles module {@code app} from the given files (path relative to the source root). */
  private List<Diagnostic<? extends JavaFileObject>> compileModule(
      String moduleBody, Map<String, String> sources) throws IOException {
    Path src = dir.resolve("src");
    write(src.resolve("module-info.java"),
        "module app {\n  requires dev.patchbay;\n  exports app;\n" + moduleBody + "}\n");
    for (Map.Entry<String, String> source : sources.entrySet()) {
      write(src.resolve(source.getKey()), source.getValue());
    }
    List<Path> files;
    try (var walk = Files.walk(src)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics,
          List.of("--module-path", Compilations.annotationsLocation().getPath(),
              "-d", out.toString()),
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

  /** Asserts exactly one error, with {@code message}, on the {@code module app} line. */
  private static void assertOneModuleError(
      List<Diagnostic<? extends JavaFileObject>> all, String message) {
    List<Diagnostic<? extends JavaFileObject>> errors = ofKind(all, Diagnostic.Kind.ERROR);
    assertWithMessage("diagnostics: %s", all).that(errors).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = errors.get(0);
    assertThat(error.getMessage(Locale.ROOT)).isEqualTo(message);
    assertThat(error.getSource().getName()).endsWith("module-info.java");
    assertThat(error.getLineNumber()).isEqualTo(1L); // "module app {"
  }

  @Test
  void missingProvides_givesTheExactLineToAdd() throws IOException {
    var diagnostics = compileModule("", Map.of(
        "app/Backend.java", BACKEND, "app/Sqlite.java", SQLITE, "app/Memory.java", MEMORY));

    assertOneModuleError(diagnostics, String.format(ContractMessages.MODULE_MISSING_PROVIDES,
        "app", "app.Backend", "provides app.Backend with app.Memory, app.Sqlite;"));
  }

  @Test
  void incompleteProvides_givesTheCorrectedLine() throws IOException {
    var diagnostics = compileModule("  provides app.Backend with app.Sqlite;\n", Map.of(
        "app/Backend.java", BACKEND, "app/Sqlite.java", SQLITE, "app/Memory.java", MEMORY));

    assertOneModuleError(diagnostics, String.format(ContractMessages.MODULE_INCOMPLETE_PROVIDES,
        "app", "app.Backend", "app.Memory", "provides app.Backend with app.Sqlite, app.Memory;"));
  }

  @Test
  void completeProvides_compilesWithoutWarnings() throws IOException {
    var diagnostics = compileModule("  provides app.Backend with app.Memory, app.Sqlite;\n",
        Map.of("app/Backend.java", BACKEND, "app/Sqlite.java", SQLITE,
            "app/Memory.java", MEMORY));

    assertWithMessage("diagnostics: %s", diagnostics)
        .that(ofKind(diagnostics, Diagnostic.Kind.ERROR)).isEmpty();
    assertWithMessage("diagnostics: %s", diagnostics)
        .that(ofKind(diagnostics, Diagnostic.Kind.WARNING)).isEmpty();
    assertWithMessage("diagnostics: %s", diagnostics)
        .that(ofKind(diagnostics, Diagnostic.Kind.MANDATORY_WARNING)).isEmpty();
  }

  @Test
  void pluginsWithRequiredConstructors_needNoProvidesLine() throws IOException {
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
    var diagnostics =
        compileModule("", Map.of("app/Notifier.java", notifier, "app/Smtp.java", smtp));

    assertWithMessage("diagnostics: %s", diagnostics)
        .that(ofKind(diagnostics, Diagnostic.Kind.ERROR)).isEmpty();
  }
}
