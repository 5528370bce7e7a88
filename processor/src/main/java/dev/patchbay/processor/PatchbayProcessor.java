package dev.patchbay.processor;

import com.google.auto.service.AutoService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Patchbay's annotation processor: hands each round to its steps and makes sure nothing it does
 * can crash javac.
 */
@AutoService(Processor.class)
public final class PatchbayProcessor extends AbstractProcessor {
  private ProcessingContext context;
  private List<ProcessingStep> steps = List.of();

  /** Creates the processor; javac calls this through {@link java.util.ServiceLoader}. */
  public PatchbayProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    context = new ProcessingContext(processingEnv);
    // Order matters: contract checks mark invalid classes before registries are generated.
    steps = List.of(new ContractStepAdapter(context));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    for (ProcessingStep step : steps) {
      names.addAll(step.annotations());
    }
    return names;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ProcessingContext.DEBUG_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (ProcessingStep step : steps) {
      // Never let an exception reach javac: it would hide every other diagnostic.
      try {
        step.process(round);
        if (round.processingOver()) {
          step.finish();
        }
      } catch (Throwable failure) {
        context.reportInternalError(null, failure);
      }
    }
    return false;
  }
}
