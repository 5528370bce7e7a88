package dev.patchbay.benchmarks.loader;

import dev.patchbay.benchmarks.harness.Javac;
import dev.patchbay.benchmarks.harness.Toolchain;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * The plugin folders of the plugin-folder comparison: {@code jars} jars of {@code perJar} plugins
 * each, once built by the Patchbay processor for {@code PluginDirectory} and once by PF4J's
 * processor for its {@code DefaultPluginManager}, each jar compiled on its own as a plugin
 * project's build would. javac runs in this process (building inputs is not measured).
 */
final class FolderInputs {
  static final String PATCHBAY_API = "bench.api.Greeter";
  static final String PF4J_API = "bench.papi.Greeter";

  final int jars;
  final int perJar;
  final Path root;
  final Path patchbayApi;
  final Path pf4jApi;
  final Path patchbayFolder;
  final Path pf4jFolder;

  FolderInputs(Path root, int jars, int perJar) {
    this.root = root;
    this.jars = jars;
    this.perJar = perJar;
    this.patchbayApi = root.resolve("patchbay-api");
    this.pf4jApi = root.resolve("pf4j-api");
    this.patchbayFolder = root.resolve("patchbay-plugins");
    this.pf4jFolder = root.resolve("pf4j-plugins");
  }

  /** The id of jar {@code i}, the same for both variants. */
  static String jarId(int i) {
    return String.format(Locale.ROOT, "jar%03d", i);
  }

  /** The name of plugin {@code k} of jar {@code i}. */
  static String pluginName(int i, int k) {
    return String.format(Locale.ROOT, "p%03d_%d", i, k);
  }

  /** The class of plugin {@code k} of jar {@code i}. */
  static String pluginClass(int i, int k) {
    return "bench.j" + String.format(Locale.ROOT, "%03d", i) + ".P" + k;
  }

  /** Builds every input unless a complete earlier build of the same shape is there. */
  void build(Toolchain tc) throws IOException {
    // The suffix names the shape of the processor's output the jars were built with (v2: with
    // plugin listings); a build of another shape is rebuilt rather than measured.
    Path done = root.resolve("complete-" + jars + "x" + perJar + "-v2");
    if (Files.exists(done)) {
      return;
    }
    Javac.deleteTree(root);
    Files.createDirectories(root);
    List<Path> annotations = tc.jars("patchbay-annotations-");
    List<Path> pf4j = tc.pf4j();
    try (URLClassLoader patchbayProcessors = loader(tc.patchbayProcessorPath());
        URLClassLoader pf4jProcessors = loader(pf4j)) {
      compile(patchbayApi, annotations, patchbayProcessors, "dev.patchbay.processor.PatchbayProcessor",
          List.of(source("bench/api/Greeter.java", """
              package bench.api;
              /** Says its name. */
              @dev.patchbay.ExtensionPoint
              public interface Greeter { String name(); }
              """)));
      compile(pf4jApi, pf4j, null, null, List.of(source("bench/papi/Greeter.java", """
          package bench.papi;
          /** Says its name. */
          public interface Greeter extends org.pf4j.ExtensionPoint { String name(); }
          """)));
      Files.createDirectories(patchbayFolder);
      Files.createDirectories(pf4jFolder);
      List<Path> patchbayCp = new ArrayList<>(annotations);
      patchbayCp.add(patchbayApi);
      List<Path> pf4jCp = new ArrayList<>(pf4j);
      pf4jCp.add(pf4jApi);
      for (int i = 0; i < jars; i++) {
        Path patchbayClasses = root.resolve("build/patchbay/" + jarId(i));
        compile(patchbayClasses, patchbayCp, patchbayProcessors,
            "dev.patchbay.processor.PatchbayProcessor", plugins(i, true));
        jar(patchbayClasses, patchbayFolder.resolve(jarId(i) + "-1.0.0.jar"),
            "Patchbay-Plugin-Id", jarId(i), "Implementation-Version", "1.0.0");
        Path pf4jClasses = root.resolve("build/pf4j/" + jarId(i));
        compile(pf4jClasses, pf4jCp, pf4jProcessors,
            "org.pf4j.processor.ExtensionAnnotationProcessor", plugins(i, false));
        jar(pf4jClasses, pf4jFolder.resolve(jarId(i) + "-1.0.0.jar"),
            "Plugin-Id", jarId(i), "Plugin-Version", "1.0.0");
      }
    }
    Javac.deleteTree(root.resolve("build"));
    Files.writeString(done, "");
  }

  private List<JavaFileObject> plugins(int i, boolean patchbay) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int k = 0; k < perJar; k++) {
      String qualified = pluginClass(i, k);
      String pkg = qualified.substring(0, qualified.lastIndexOf('.'));
      String annotation = patchbay
          ? "@dev.patchbay.Plugin(value = \"" + pluginName(i, k) + "\", description = \"plugin "
              + k + " of " + jarId(i) + "\")"
          : "@org.pf4j.Extension";
      sources.add(source(qualified.replace('.', '/') + ".java",
          "package " + pkg + ";\n" + annotation + "\n"
          + "public final class P" + k + " implements "
          + (patchbay ? PATCHBAY_API : PF4J_API) + " {\n"
          + "  public String name() { return \"" + pluginName(i, k) + "\"; }\n}\n"));
    }
    return sources;
  }

  private static URLClassLoader loader(List<Path> jars) throws IOException {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  private static JavaFileObject source(String path, String text) {
    return new javax.tools.SimpleJavaFileObject(
        java.net.URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  private static void compile(Path out, List<Path> classpath, ClassLoader processors,
      String processor, List<JavaFileObject> sources) throws IOException {
    Files.createDirectories(out);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(out));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
      List<String> options = new ArrayList<>(List.of("--release", "17", "-nowarn"));
      if (processor == null) {
        options.add("-proc:none");
      }
      JavaCompiler.CompilationTask task =
          compiler.getTask(null, files, diagnostics, options, null, sources);
      if (processor != null) {
        // A fresh processor per compilation, from one class loader kept warm across them.
        task.setProcessors(List.of((Processor) processors.loadClass(processor)
            .getConstructor().newInstance()));
      }
      if (!task.call()) {
        throw new IllegalStateException("compiling plugin inputs into " + out + " failed:\n"
            + diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n")));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the processor " + processor, e);
    }
  }

  /** Jars {@code classes} (class files and resources, not the generated sources). */
  private static void jar(Path classes, Path jar, String... attributes) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    for (int i = 0; i < attributes.length; i += 2) {
      manifest.getMainAttributes().putValue(attributes[i], attributes[i + 1]);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".java"))
          .sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream stream = new JarOutputStream(out, manifest)) {
      for (Path file : files) {
        stream.putNextEntry(new JarEntry(
            classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, stream);
        stream.closeEntry();
      }
    }
  }
}
