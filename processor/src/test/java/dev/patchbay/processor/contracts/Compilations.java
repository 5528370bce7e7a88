package dev.patchbay.processor.contracts;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.patchbay.Plugin;
import dev.patchbay.processor.PatchbayProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URISyntaxException;
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

/** Compiles test sources with the real processor and the annotations jar on the class path. */
final class Compilations {
  private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";

  private Compilations() {}

  /**
   * Where the annotations module was loaded from: tests may run on the module path, which
   * compile-testing's default class path (java.class.path) does not include.
   */
  static File annotationsLocation() {
    try {
      return new File(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Compiler javac(File... extraClasspath) {
    List<File> classpath = new ArrayList<>(List.of(annotationsLocation()));
    classpath.addAll(List.of(extraClasspath));
    // -Xlint:all, so "compiles without warnings" also covers javac's processing lint.
    return Compiler.javac().withProcessors(new PatchbayProcessor()).withClasspath(classpath)
        .withOptions("-Xlint:all");
  }

  /**
   * Writes the class output of a successful compilation (class files and resources such as
   * {@code META-INF/services}) under {@code dir}, so a second compilation can use it as "another
   * jar" on its class path, or a class loader can run it.
   */
  static File writeClasses(Compilation compilation, Path dir) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String uri = file.toUri().getPath();
      if (!uri.contains(CLASS_OUTPUT)) {
        continue; // generated sources
      }
      String relative = uri.substring(uri.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length());
      Path target = dir.resolve(relative);
      // The processor reads its earlier output through the Filer; in memory, a file it looked
      // for and did not find is listed too, without content.
      InputStream in;
      try {
        in = file.openInputStream();
      } catch (java.io.FileNotFoundException notWritten) {
        continue;
      }
      Files.createDirectories(target.getParent());
      try (in) {
        Files.copy(in, target);
      }
    }
    return dir.toFile();
  }

  /**
   * Compiles with javac itself into {@code dir/classes}, generated sources into
   * {@code dir/generated}, which stay readable even when the compilation fails (compile-testing
   * hides generated files then).
   *
   * @return the diagnostics
   */
  static List<javax.tools.Diagnostic<? extends JavaFileObject>> compileToDisk(
      Path dir, JavaFileObject... sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT,
          List.of(Files.createDirectories(dir.resolve("classes"))));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT,
          List.of(Files.createDirectories(dir.resolve("generated"))));
      files.setLocation(StandardLocation.CLASS_PATH, List.of(annotationsLocation()));
      JavaCompiler.CompilationTask task = compiler.getTask(
          null, files, diagnostics, List.of("-Xlint:all"), null, List.of(sources));
      task.setProcessors(List.of(new PatchbayProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics();
  }

  /** All diagnostics, one per line, for failure messages that show what javac really said. */
  static String dump(Compilation compilation) {
    return compilation.diagnostics().stream()
        .map(d -> d.getKind() + " " + (d.getSource() == null ? "-" : d.getSource().getName())
            + ":" + d.getLineNumber() + " " + d.getMessage(null))
        .collect(Collectors.joining("\n"));
  }

  static long count(Compilation compilation, Diagnostic.Kind kind) {
    return compilation.diagnostics().stream().filter(d -> d.getKind() == kind).count();
  }
}
