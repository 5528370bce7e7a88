package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Builds real jars: javac in-process with the real Patchbay processor, then a jar of the output. */
final class Javac {
  private Javac() {}

  /**
   * Compiles {@code sources} (relative path → text) into {@code out}, against the test class path
   * plus {@code classpath}; with the Patchbay processor unless {@code processor} is false.
   */
  static Path compile(Path out, List<Path> classpath, boolean processor,
      Map<String, String> sources) throws IOException {
    Path src = Files.createDirectories(out.resolve("src"));
    Path classes = Files.createDirectories(out.resolve("classes"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      manager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      manager.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT,
          List.of(Files.createDirectories(out.resolve("generated"))));
      List<Path> path = new ArrayList<>(classpath);
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        path.add(Path.of(entry));
      }
      manager.setLocationFromPaths(StandardLocation.CLASS_PATH, path);
      List<String> options = new ArrayList<>(List.of("--release", "17", "-implicit:class"));
      if (!processor) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task = compiler.getTask(null, manager, diagnostics, options,
          null, manager.getJavaFileObjectsFromPaths(files));
      if (processor) {
        task.setProcessors(List.of(processor()));
      }
      boolean success = task.call();
      assertTrue(success, () -> diagnostics.getDiagnostics().stream()
          .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n")));
    }
    return classes;
  }

  /** A new instance of the real processor, from the test class path. */
  private static Processor processor() {
    try {
      return (Processor) Class.forName("dev.patchbay.processor.PatchbayProcessor")
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("patchbay-processor is not on the test class path", e);
    }
  }

  /** Jars the files of {@code classes} that {@code include} accepts (by relative path). */
  static Path jar(Path classes, Path jar, Map<String, String> manifestAttributes,
      Predicate<String> include) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifestAttributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
    Files.createDirectories(jar.getParent());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream stream = new JarOutputStream(out, manifest)) {
      for (Path file : files) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
        if (include.test(name)) {
          stream.putNextEntry(new JarEntry(name));
          stream.write(Files.readAllBytes(file));
          stream.closeEntry();
        }
      }
    }
    return jar;
  }
}
