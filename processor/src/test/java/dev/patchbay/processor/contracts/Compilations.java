package dev.patchbay.processor.contracts;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.patchbay.Plugin;
import dev.patchbay.processor.PatchbayProcessor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

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
    return Compiler.javac().withProcessors(new PatchbayProcessor()).withClasspath(classpath);
  }

  /**
   * Writes the class files of a successful compilation under {@code dir}, so a second compilation
   * can use them as "another jar" on its class path.
   */
  static File writeClasses(Compilation compilation, Path dir) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String uri = file.toUri().getPath();
      String relative = uri.substring(uri.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length());
      Path target = dir.resolve(relative);
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
    return dir.toFile();
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
