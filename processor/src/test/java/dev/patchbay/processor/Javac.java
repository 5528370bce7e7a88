package dev.patchbay.processor;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
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

/** Compiles sources with the processor into a directory, as one "jar" of a real build would be. */
final class Javac {
  private Javac() {}

  /** What a compilation printed. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<Diagnostic<? extends JavaFileObject>> of(Diagnostic.Kind kind) {
      return diagnostics.stream().filter(d -> d.getKind() == kind).toList();
    }

    String describe() {
      return diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n"));
    }
  }

  /** Compiles into {@code out/classes} (sources into {@code out/generated}) with -Xlint:all. */
  static Result compile(Path out, List<Path> extraClasspath, List<JavaFileObject> sources)
      throws IOException {
    return compile(out, extraClasspath, sources, List.of(new PatchbayProcessor()));
  }

  /** As {@link #compile(Path, List, List)}, with other processors (in this order). */
  static Result compile(Path out, List<Path> extraClasspath, List<JavaFileObject> sources,
      List<? extends javax.annotation.processing.Processor> processors) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Path classes = Files.createDirectories(out.resolve("classes"));
      Path generated = Files.createDirectories(out.resolve("generated"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<Path> classpath = new ArrayList<>(extraClasspath);
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classpath.add(Path.of(entry));
      }
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
          List.of("-Xlint:all", "--release", "17", "-implicit:class"),
          null, sources);
      task.setProcessors(processors);
      boolean success = task.call();
      return new Result(success, diagnostics.getDiagnostics());
    }
  }

  /** A class loader over compiled directories that can tell which classes it has loaded. */
  static class Loader extends URLClassLoader {
    Loader(Path... classDirectories) {
      super(urls(classDirectories), Javac.class.getClassLoader());
    }

    boolean hasLoaded(String binaryName) {
      return findLoadedClass(binaryName) != null;
    }

    private static URL[] urls(Path... directories) {
      URL[] urls = new URL[directories.length];
      for (int i = 0; i < directories.length; i++) {
        try {
          urls[i] = directories[i].toUri().toURL();
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException(e);
        }
      }
      return urls;
    }
  }
}
