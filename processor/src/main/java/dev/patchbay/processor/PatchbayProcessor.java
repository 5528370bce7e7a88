package dev.patchbay.processor;

import com.google.auto.service.AutoService;
import dev.patchbay.processor.base.ProcessingContext;
import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.processingstep.ContractStep;
import dev.patchbay.processor.processingstep.ExtensionPointStep;
import dev.patchbay.processor.processingstep.ModuleProvidesStep;
import dev.patchbay.processor.processingstep.ProcessingStep;
import dev.patchbay.processor.reading.AnnotationMirrors;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
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
  private final Function<ProcessingContext, List<ProcessingStep>> stepFactory;
  private ProcessingContext context;
  private List<ProcessingStep> steps = List.of();

  /** Creates the processor; javac calls this through {@link java.util.ServiceLoader}. */
  public PatchbayProcessor() {
    // Order matters: the contract step rejects classes before registries are generated, so the
    // registry step comes after it and is handed its verdicts; the module check comes last and is
    // handed what both decided.
    this(context -> {
      ContractStep contracts = new ContractStep(context);
      ExtensionPointStep registries = new ExtensionPointStep(context, contracts::rejected);
      return List.of(contracts, registries,
          new ModuleProvidesStep(context, contracts::acceptedPlugins, registries::indexClass));
    });
  }

  /** Creates a processor running other steps; tests use it to prove failures stay contained. */
  PatchbayProcessor(Function<ProcessingContext, List<ProcessingStep>> stepFactory) {
    this.stepFactory = stepFactory;
  }

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    context = new ProcessingContext(processingEnv);
    steps = List.copyOf(stepFactory.apply(context));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    for (ProcessingStep step : steps) {
      names.addAll(step.annotations());
    }
    // A step that must see every class (the contracts step: forgotten @Plugin, contract
    // annotations from other jars) asks for "*"; javac warns when "*" comes with other names.
    if (names.contains("*")) {
      return Set.of("*");
    }
    // Every Patchbay annotation, so rule annotations on an extension point are claimed too.
    names.addAll(TypeNames.OWN_ANNOTATIONS);
    names.add(TypeNames.GENERATED);
    return names;
  }

  /**
   * Whether this processor may claim {@code annotation}: Patchbay's own annotations, and
   * {@code @Generated}, which is on the code Patchbay generates. Claiming them keeps
   * {@code -Xlint:processing} from warning that no processor handled them.
   */
  private static boolean claimable(String annotation) {
    // Under "*" javac also hands over java.lang ones (@Override, @SuppressWarnings, @Target ...);
    // no processor handles those and javac never warns about them, so they must not keep
    // Patchbay from claiming its own.
    return TypeNames.OWN_ANNOTATIONS.contains(annotation) || annotation.equals(TypeNames.GENERATED)
        || annotation.startsWith("java.lang.");
  }

  /** A user's {@code @Contract} annotation (like {@code @Job}) is Patchbay's to handle too. */
  private static boolean isContract(TypeElement annotation) {
    return AnnotationMirrors.isContractAnnotation(annotation);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ProcessingContext.DEBUG_OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  // Claims on purpose, and only its own annotations, so -Xlint:processing does not warn about them.
  @SuppressWarnings("DoNotClaimAnnotations")
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
    // Claim only when every annotation is one of ours, so no other processor loses anything.
    for (TypeElement annotation : annotations) {
      if (!claimable(annotation.getQualifiedName().toString()) && !isContract(annotation)) {
        return false;
      }
    }
    return true;
  }
}
