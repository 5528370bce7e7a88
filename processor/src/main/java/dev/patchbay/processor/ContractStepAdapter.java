package dev.patchbay.processor;

import dev.patchbay.processor.contracts.ContractStep;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Runs the contracts step (its own package) as one of the processor's steps, giving it the
 * shared {@link ProcessingContext} through the narrow {@link ContractStep.Host} view.
 */
final class ContractStepAdapter implements ProcessingStep, ContractStep.Host {
  private final ProcessingContext context;
  private final ContractStep step;

  ContractStepAdapter(ProcessingContext context) {
    this.context = context;
    this.step = new ContractStep(this);
  }

  @Override
  public Set<String> annotations() {
    return step.annotations();
  }

  @Override
  public void process(RoundEnvironment round) {
    step.process(round);
  }

  @Override
  public void finish() {
    step.finish();
  }

  @Override
  public ProcessingEnvironment env() {
    return context.env();
  }

  @Override
  public void markInvalid(TypeElement type) {
    context.markInvalid(type);
  }

  @Override
  public boolean isInvalid(TypeElement type) {
    return context.isInvalid(type);
  }

  @Override
  public void reportInternalError(Element element, Throwable failure) {
    context.reportInternalError(element, failure);
  }

  @Override
  public Optional<String> pluginIndexName() {
    // The registry step owns the index; until it tells its name, the index line is not checked.
    return Optional.empty();
  }
}
