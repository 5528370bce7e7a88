package dev.patchbay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.patchbay.processor.base.ProcessingContext;
import dev.patchbay.processor.processingstep.ExtensionPointStep;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** The hand-off from the contracts step: a class it rejected is left out of the registry. */
final class InvalidMarkTest {
  /** Stands in for the contracts step: rejects one plugin by name, then runs the registry step. */
  private static final class MarkingProcessor extends AbstractProcessor {
    private ProcessingContext context;
    private ExtensionPointStep step;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      context = new ProcessingContext(env);
      step = new ExtensionPointStep(context, "test.db.Broken"::equals);
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
      step.process(round);
      if (round.processingOver()) {
        step.finish();
      }
      return false;
    }
  }

  @Test
  void pluginRejectedByAnEarlierStep_isLeftOutOfTheRegistry() {
    Compilation compilation = Compiler.javac().withProcessors(new MarkingProcessor()).compile(
        Sources.databaseBackend(),
        Sources.backend("Good", "@Plugin(\"good\")"),
        Sources.backend("Broken", "@Plugin(\"broken\")"));
    assertThat(compilation).succeeded();
    assertThat(compilation).generatedSourceFile("test.db.DatabaseBackendRegistry").contentsAsUtf8String()
        .contains("case \"good\":");
    assertThat(compilation).generatedSourceFile("test.db.DatabaseBackendRegistry").contentsAsUtf8String()
        .doesNotContain("\"broken\"");
  }
}
