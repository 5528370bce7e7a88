package dev.patchbay.processor;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * Compiles source trees on disk with the processor, with javac or with the Eclipse compiler (ECJ)
 * through {@code javax.tools}: files on disk, because neither compiler compiles a named module
 * from compile-testing's in-memory files.
 */
final class Compilers {
  private Compilers() {}

  /** The two compilers users build with. */
  enum Kind {
    JAVAC {
      @Override
      JavaCompiler compiler() {
        return ToolProvider.getSystemJavaCompiler();
      }

      @Override
      List<String> lintOptions() {
        return List.of("-Xlint:all");
      }
    },
    ECJ {
      @Override
      JavaCompiler compiler() {
        return new EclipseCompiler();
      }

      @Override
      List<String> lintOptions() {
        // ECJ's default warnings (what an Eclipse user sees), and those javac's -Xlint:all
        // has an equivalent of or that generated code could plausibly trip.
        return List.of("-warn:+uselessTypeCheck,+semicolon,+fieldHiding,+localHiding,"
            + "+intfRedundant,+unusedLocal,+unusedPrivate");
      }
    };

    abstract JavaCompiler compiler();

    abstract List<String> lintOptions();
  }

  /** What a compilation printed, and where it wrote. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
      Path classes, Path generated) {
    List<Diagnostic<? extends JavaFileObject>> of(Diagnostic.Kind... kinds) {
      List<Diagnostic.Kind> wanted = List.of(kinds);
      return diagnostics.stream().filter(d -> wanted.contains(d.getKind())).toList();
    }

    List<String> warnings() {
      return of(Diagnostic.Kind.WARNING, Diagnostic.Kind.MANDATORY_WARNING).stream()
          .map(Compilers::describe).toList();
    }

    String describe() {
      return diagnostics.stream().map(Compilers::describe).collect(Collectors.joining("\n"));
    }
  }

  static String describe(Diagnostic<? extends JavaFileObject> d) {
    String where = d.getSource() == null ? "-" : d.getSource().getName() + ":" + d.getLineNumber();
    return d.getKind() + " " + where + " " + d.getMessage(Locale.ROOT);
  }

  /** Writes {@code sources} (path relative to the source root to text) under {@code dir/src}. */
  static Path write(Path dir, Map<String, String> sources) throws IOException {
    Path src = dir.resolve("src");
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
    }
    return src;
  }

  /**
   * Compiles every source under {@code src} into {@code out/classes} (generated sources into
   * {@code out/generated}), with Java 17, the compiler's lint options and the processor.
   *
   * @param modular whether to put the annotations jar on the module path (for a named module)
   *     rather than the class path
   */
  static Result compile(Kind kind, Path src, Path out, boolean modular, List<Path> classpath)
      throws IOException {
    return compile(kind, src, out, modular, classpath, true);
  }

  /** As above; without the processor when {@code withProcessor} is false (a jar built with -proc:none). */
  static Result compile(Kind kind, Path src, Path out, boolean modular, List<Path> classpath,
      boolean withProcessor) throws IOException {
    List<Path> files;
    try (var walk = Files.walk(src)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    List<String> options = new ArrayList<>(List.of("--release", "17",
        "-d", classes.toString(), "-s", generated.toString()));
    options.addAll(kind.lintOptions());
    // Always set, so neither compiler falls back to the test JVM's own class path.
    List<Path> path = new ArrayList<>(classpath);
    if (!modular) {
      path.add(annotationsLocation());
    }
    JavaCompiler compiler = kind.compiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, path);
      if (modular) {
        fileManager.setLocationFromPaths(StandardLocation.MODULE_PATH, List.of(annotationsLocation()));
      }
      // ECJ prints its diagnostics to this writer as well; the collector has them.
      Writer quiet = new PrintWriter(Writer.nullWriter());
      JavaCompiler.CompilationTask task = compiler.getTask(quiet, fileManager, diagnostics,
          options, null, fileManager.getJavaFileObjectsFromFiles(
              files.stream().map(Path::toFile).toList()));
      task.setProcessors(withProcessor ? List.of(new PatchbayProcessor()) : List.of());
      boolean success = task.call();
      return new Result(success, diagnostics.getDiagnostics(), classes, generated);
    }
  }

  /** Where the annotations module was loaded from (a jar or a class directory). */
  static Path annotationsLocation() {
    try {
      return Path.of(dev.patchbay.Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
