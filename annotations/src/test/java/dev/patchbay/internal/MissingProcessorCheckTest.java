package dev.patchbay.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.Plugin;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles plugin sources the way a build without a processor path does: javac with only the
 * annotations on the class path, finding processors there by itself.
 */
final class MissingProcessorCheckTest {
  @TempDir Path temp;

  private static final String SHAPE = "package com.example;\n"
      + "@dev.patchbay.ExtensionPoint public interface Shape {}\n";
  private static final String CIRCLE = "package com.example;\n"
      + "@dev.patchbay.Plugin(\"circle\") public class Circle implements Shape {}\n";

  @Test
  void pluginWithoutProcessor_isOneErrorThatSaysHowToAddIt() throws Exception {
    List<Diagnostic<? extends JavaFileObject>> diagnostics =
        compile(List.of("-proc:full"), "Circle.java", CIRCLE, "Shape.java", SHAPE);
    List<Diagnostic<? extends JavaFileObject>> errors = errors(diagnostics);
    assertEquals(1, errors.size(), describe(diagnostics));
    String message = errors.get(0).getMessage(Locale.ROOT);
    // A plugin is named first: it is what goes missing at run time.
    assertEquals(String.format(Locale.ROOT, MissingProcessorCheck.MISSING_PROCESSOR,
        "Plugin", "class", "com.example.Circle", " (and 1 other type)"), message);
    assertTrue(errors.get(0).getSource().getName().endsWith("Circle.java"));
    assertEquals(2, errors.get(0).getLineNumber());
  }

  @Test
  void extensionPointAlone_isReportedAsAnInterface() throws Exception {
    List<Diagnostic<? extends JavaFileObject>> errors =
        errors(compile(List.of("-proc:full"), "Shape.java", SHAPE));
    assertEquals(1, errors.size());
    assertEquals(String.format(Locale.ROOT, MissingProcessorCheck.MISSING_PROCESSOR,
        "ExtensionPoint", "interface", "com.example.Shape", ""), errors.get(0).getMessage(Locale.ROOT));
  }

  @Test
  void defaultDiscovery_runsTheCheckUpToJdk22Only() throws Exception {
    // No -proc option: what maven-compiler-plugin passes when annotationProcessorPaths is absent.
    List<Diagnostic<? extends JavaFileObject>> errors =
        errors(compile(List.of(), "Circle.java", CIRCLE, "Shape.java", SHAPE));
    // JDK 23 stopped running processors found on the class path unless asked (-proc:full), so
    // there a build without the processor compiles; docs/diagnostics.md says what to look for.
    int expected = Runtime.version().feature() >= 23 ? 0 : 1;
    assertEquals(expected, errors.size());
  }

  @Test
  void sourcesWithoutPatchbayAnnotations_compileCleanly() throws Exception {
    List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(List.of("-proc:full"),
        "Plain.java", "package com.example; @Deprecated public class Plain {}\n");
    assertEquals(0, errors(diagnostics).size(), describe(diagnostics));
  }

  @Test
  void diagnosticsDoc_listsTheMessage() throws IOException {
    String doc = Files.readString(Path.of("../docs/diagnostics.md"));
    assertTrue(doc.contains("### `MISSING_PROCESSOR`"), "docs/diagnostics.md has no MISSING_PROCESSOR entry");
    String example = String.format(Locale.ROOT, MissingProcessorCheck.MISSING_PROCESSOR,
        "Plugin", "class", "com.example.greet.EnglishGreeter", " (and 2 other types)");
    assertTrue(doc.contains(example), "docs/diagnostics.md shows an outdated MISSING_PROCESSOR text");
  }

  private List<Diagnostic<? extends JavaFileObject>> compile(List<String> options,
      String... namesAndSources) throws IOException, URISyntaxException {
    Path src = Files.createDirectories(temp.resolve("src/com/example"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < namesAndSources.length; i += 2) {
      files.add(Files.writeString(src.resolve(namesAndSources[i]), namesAndSources[i + 1]));
    }
    Path annotations = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT,
          List.of(Files.createDirectories(temp.resolve("classes"))));
      fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(annotations));
      List<String> all = new ArrayList<>(options);
      all.addAll(List.of("--release", "17"));
      javac.getTask(null, fileManager, diagnostics, all, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
    }
    return diagnostics.getDiagnostics();
  }

  private static List<Diagnostic<? extends JavaFileObject>> errors(
      List<Diagnostic<? extends JavaFileObject>> all) {
    return all.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
  }

  private static String describe(List<Diagnostic<? extends JavaFileObject>> all) {
    return all.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }
}
