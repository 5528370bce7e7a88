package dev.patchbay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.Sources.source;
import static dev.patchbay.processor.validation.Messages.format;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.patchbay.processor.validation.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the step behaves when other processors generate types it depends on. */
final class RoundsTest {
  /** Writes one source file in the first round, as code generators do. */
  private static final class OneFileGenerator extends AbstractProcessor {
    private final String name;
    private final String text;
    private boolean done;

    OneFileGenerator(String name, String text) {
      this.name = name;
      this.text = text;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          writer.write(text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void pluginOfAGeneratedExtensionPoint_waitsForTheNextRound() {
    JavaFileObject plugin = source("test.late.Impl",
        "package test.late;",
        "@dev.patchbay.Plugin(\"impl\")",
        "public class Impl implements Point {}");
    Compilation compilation = Compiler.javac()
        .withProcessors(new OneFileGenerator("test.late.Point",
            "package test.late; @dev.patchbay.ExtensionPoint public interface Point {}"),
            new PatchbayProcessor())
        .compile(plugin);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.late.PointRegistry").contentsAsUtf8String()
        .contains("case \"impl\":");
  }

  @Test
  void pluginGeneratedAfterTheRegistries_isAnError() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new OneFileGenerator("test.db.Late",
            "package test.db; @dev.patchbay.Plugin public class Late implements DatabaseBackend {"
                + " public String connect() { return \"\"; } }"),
            new PatchbayProcessor())
        .compile(Sources.databaseBackend());
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(format(Messages.LATE_ELEMENT, "Plugin", "test.db.Late", 2));
  }
}
