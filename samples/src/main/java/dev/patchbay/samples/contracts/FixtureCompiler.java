package dev.patchbay.samples.contracts;

import dev.patchbay.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a scenario's bundled sources in this process with javac and the real Patchbay
 * processor, as a user's build would.
 */
final class FixtureCompiler {
  /** The processor class, loaded by name: it is a run-time dependency only (see the POM). */
  static final String PROCESSOR = "dev.patchbay.processor.PatchbayProcessor";
  private static final String RESOURCES = "/dev/patchbay/samples/contracts/";

  private final JavaCompiler javac;
  private final Path annotations;

  private FixtureCompiler(JavaCompiler javac, Path annotations) {
    this.javac = javac;
    this.annotations = annotations;
  }

  /**
   * Finds javac and the Patchbay annotations this program runs with.
   *
   * @throws IllegalStateException when this Java has no compiler (a JRE)
   */
  static FixtureCompiler create() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("this Java runtime has no compiler (javax.tools finds"
          + " none): run the samples with a JDK's java, e.g. " + System.getProperty("java.home")
          + " is a JRE");
    }
    return new FixtureCompiler(javac, codeSource(Plugin.class));
  }

  /** Where a class was loaded from: the annotations jar, or the shaded samples jar. */
  static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from,"
          + " so javac cannot be given the Patchbay annotations", e);
    }
  }

  /**
   * One compiler message as javac prints it.
   *
   * @param kind error, warning or note
   * @param file the source file name, or empty
   * @param line the line, or -1
   * @param message the message
   */
  record Message(Diagnostic.Kind kind, String file, long line, String message) {
    String format() {
      String where = file.isEmpty() ? "" : file + (line > 0 ? ":" + line : "") + ": ";
      return where + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + message;
    }
  }

  /**
   * What one compilation produced.
   *
   * @param success whether javac succeeded
   * @param messages errors, warnings and notes in the order javac reported them
   * @param classes the class output directory
   */
  record Outcome(boolean success, List<Message> messages, Path classes) {
    List<Message> errors() {
      return messages.stream().filter(m -> m.kind() == Diagnostic.Kind.ERROR).toList();
    }
  }

  /**
   * Compiles one variant ({@code broken} or {@code fixed}) of a scenario in {@code workDir}.
   *
   * @param scenario the scenario
   * @param variant {@code broken} or {@code fixed}
   * @param workDir an empty directory for sources and outputs
   * @return what javac reported
   * @throws IOException when the work directory cannot be written
   */
  Outcome compile(Scenario scenario, String variant, Path workDir) throws IOException {
    Path sources = Files.createDirectories(workDir.resolve("src"));
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    Path generated = Files.createDirectories(workDir.resolve("generated"));
    List<Path> files = new ArrayList<>();
    for (String name : scenario.files()) {
      Path file = sources.resolve(name);
      Files.writeString(file, source(scenario, variant, name), StandardCharsets.UTF_8);
      files.add(file);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(annotations));
      fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      fileManager.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics,
          List.of("--release", "17", "-encoding", "UTF-8"), null,
          fileManager.getJavaFileObjectsFromPaths(files));
      // A new instance per compilation, handed over directly: no discovery on the class path.
      task.setProcessors(List.of(newProcessor()));
      boolean success = task.call();
      List<Message> messages = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName()
            .toString();
        messages.add(new Message(d.getKind(), file, d.getLineNumber(),
            d.getMessage(Locale.ROOT)));
      }
      return new Outcome(success, messages, classes);
    }
  }

  private static String source(Scenario scenario, String variant, String name) throws IOException {
    String base = RESOURCES + scenario.id() + "/";
    InputStream in = FixtureCompiler.class.getResourceAsStream(base + variant + "/" + name);
    if (in == null) {
      in = FixtureCompiler.class.getResourceAsStream(base + name);
    }
    if (in == null) {
      throw new IllegalStateException("bundled source " + base + name + " is missing from the"
          + " jar; rebuild the samples");
    }
    try (InputStream source = in) {
      return new String(source.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Processor newProcessor() {
    try {
      return Class.forName(PROCESSOR).asSubclass(Processor.class).getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("the Patchbay processor " + PROCESSOR + " is not on the"
          + " class path; the samples jar bundles it, so rebuild it with mvn package", e);
    }
  }

  /**
   * Loads a registry the fixed sources generated and describes its public static methods and
   * plugin names, proving the generated code runs.
   *
   * @param classes the compilation's class output
   * @param registry binary name of the generated registry
   * @return for example {@code names() = [email, push]; create(String)}
   */
  static String describeRegistry(Path classes, String registry) {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        FixtureCompiler.class.getClassLoader())) {
      Class<?> type = Class.forName(registry, true, loader);
      Object names = type.getMethod("names").invoke(null);
      String factories = Arrays.stream(type.getMethods())
          .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getName().equals("create"))
          .map(FixtureCompiler::signature)
          .sorted()
          .collect(Collectors.joining(", "));
      return type.getSimpleName() + ".names() = " + names + "; " + factories;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the generated " + registry + " did not load: " + e, e);
    }
  }

  private static String signature(Method method) {
    return method.getName() + "(" + Arrays.stream(method.getParameterTypes())
        .map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
  }
}
