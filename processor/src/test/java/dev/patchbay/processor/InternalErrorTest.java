package dev.patchbay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.patchbay.processor.processingstep.ProcessingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A bug inside Patchbay becomes one error with a stack trace; javac and the other steps go on. */
final class InternalErrorTest {

  private static final JavaFileObject SOURCE = JavaFileObjects.forSourceLines("test.Plain",
      "package test;",
      "",
      "@dev.patchbay.ExtensionPoint",
      "public interface Plain {}");

  /** A step that fails in the first round, the way a bug in a validator or generator would. */
  private static final class FailingStep implements ProcessingStep {
    @Override
    public Set<String> annotations() {
      return Set.of("dev.patchbay.ExtensionPoint");
    }

    @Override
    public void process(RoundEnvironment round) {
      if (!round.processingOver()) {
        throw new IllegalStateException("boom in a step");
      }
    }
  }

  /** A step that only records the rounds it was given. */
  private static final class RecordingStep implements ProcessingStep {
    final List<Boolean> rounds = new ArrayList<>();
    int finished;

    @Override
    public Set<String> annotations() {
      return Set.of("dev.patchbay.ExtensionPoint");
    }

    @Override
    public void process(RoundEnvironment round) {
      rounds.add(round.processingOver());
    }

    @Override
    public void finish() {
      finished++;
    }
  }

  @Test
  void failingStep_becomesOneErrorWithTheStackTrace_andTheNextStepStillRuns() {
    RecordingStep recorder = new RecordingStep();
    PatchbayProcessor processor =
        new PatchbayProcessor(context -> List.of(new FailingStep(), recorder));

    Compilation compilation = Compiler.javac().withProcessors(processor).compile(SOURCE);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[patchbay] internal error");
    assertThat(compilation).hadErrorContaining("This is a bug in Patchbay, not in your code");
    assertThat(compilation).hadErrorContaining("java.lang.IllegalStateException: boom in a step");
    assertThat(compilation).hadErrorContaining("FailingStep.process");
    // Every round, the last one included, still reached the step after the failing one.
    assertEquals(List.of(false, true), recorder.rounds);
    assertEquals(1, recorder.finished);
  }
}
