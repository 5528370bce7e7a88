package dev.patchbay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.patchbay.processor.validation.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void pluginWithAContractGeneratedLater_isJudgedBeforeItIsRegistered(@TempDir Path out)
      throws IOException {
    // The contract annotation does not exist in the first round. The contract step must not be
    // the only one to wait for it: a registry written in the first round would list Broken,
    // which breaks the contract once it exists.
    JavaFileObject broken = source("test.db.Broken",
        "package test.db;",
        "@Job",
        "@dev.patchbay.Plugin(\"broken\")",
        "public class Broken implements DatabaseBackend {",
        "  public String connect() { return \"\"; }",
        "}");
    JavaFileObject good = source("test.db.Good",
        "package test.db;",
        "@Job",
        "@dev.patchbay.Plugin(\"good\")",
        "public class Good implements DatabaseBackend {",
        "  public String connect() { return \"\"; }",
        "  public void process() {}",
        "}");
    // Real directories: compile-testing hands out no generated file of a failed compilation.
    Javac.Result result = Javac.compile(out, List.of(), List.of(Sources.databaseBackend(), broken, good),
        List.of(new OneFileGenerator("test.db.Job",
            "package test.db; @dev.patchbay.Contract"
                + " @dev.patchbay.RequireMethod(name = \"process\", returns = void.class)"
                + " public @interface Job {}"),
            new PatchbayProcessor()));
    assertFalse(result.success(), result::describe);
    assertEquals(1, result.of(Diagnostic.Kind.ERROR).size(), result::describe);
    assertTrue(result.of(Diagnostic.Kind.ERROR).get(0).getMessage(Locale.ROOT)
        .startsWith("Broken does not declare public void process("), result::describe);
    String registry = Files.readString(
        out.resolve("generated/test/db/DatabaseBackendRegistry.java"));
    assertTrue(registry.contains("case \"good\":"), registry);
    assertFalse(registry.contains("\"broken\""), registry);
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
    assertThat(compilation).hadErrorContaining(Message.LATE_ELEMENT.format("Plugin", "test.db.Late", 2));
  }
}
