package dev.patchbay.processor.processingstep;

import dev.patchbay.processor.base.ProcessingContext;
import dev.patchbay.processor.validation.ModuleServicesValidator;
import dev.patchbay.processor.validation.ReportPrinter;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;

/**
 * The module step: once the other steps are done, checks that a named module compiled here
 * declares the {@code provides} lines its plugins and its generated index need (in a named
 * module {@link java.util.ServiceLoader} ignores {@code META-INF/services}).
 *
 * <p>It runs last and is handed, as typed values, what the others decided: the plugins the
 * contract step accepted and the index the registry step generated.
 */
public final class ModuleProvidesStep implements ProcessingStep {
  private final ProcessingContext context;
  private final Supplier<Set<String>> acceptedPlugins;
  private final Supplier<Optional<String>> indexClass;
  private final ModuleServicesValidator validator;
  private final ReportPrinter printer;
  private String moduleName;

  /**
   * Creates the step.
   *
   * @param context the processor's shared context
   * @param acceptedPlugins the plugins of this compilation that passed the contract checks
   * @param indexClass the canonical name of the plugin index generated for this compilation
   */
  public ModuleProvidesStep(ProcessingContext context, Supplier<Set<String>> acceptedPlugins,
      Supplier<Optional<String>> indexClass) {
    this.context = context;
    this.acceptedPlugins = acceptedPlugins;
    this.indexClass = indexClass;
    this.validator = new ModuleServicesValidator(context.elements(), context.types());
    this.printer = new ReportPrinter(context.env());
  }

  /** None of its own: it runs in every round the other steps run in. */
  @Override
  public Set<String> annotations() {
    return Set.of();
  }

  /** Notes the module compiled here, if any. */
  @Override
  public void process(RoundEnvironment round) {
    for (Element root : round.getRootElements()) {
      // Only a module whose module-info.java is compiled here is checked: test sources patched
      // into a module cannot add provides lines to it, so their plugins must not be asked for.
      if (root instanceof ModuleElement module && !module.isUnnamed()) {
        moduleName = module.getQualifiedName().toString();
      }
    }
  }

  /** Checks the module's {@code provides} lines. */
  @Override
  public void finish() {
    if (moduleName == null) {
      return;
    }
    ModuleElement module = context.elements().getModuleElement(moduleName);
    try {
      if (module != null) {
        printer.print(validator.validate(module, acceptedPlugins.get(), indexClass.get()));
      }
    } catch (RuntimeException failure) {
      context.reportInternalError(module, failure);
    }
  }
}
