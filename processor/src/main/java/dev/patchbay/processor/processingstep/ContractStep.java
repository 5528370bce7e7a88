package dev.patchbay.processor.processingstep;

import dev.patchbay.processor.base.DeferralRule;
import dev.patchbay.processor.base.ProcessingContext;
import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.reading.AnnotationMirrors;
import dev.patchbay.processor.reading.PluginReader;
import dev.patchbay.processor.reading.RuleReader;
import dev.patchbay.processor.validation.ContractValidator;
import dev.patchbay.processor.validation.MisuseValidator;
import dev.patchbay.processor.validation.RegistrationValidator;
import dev.patchbay.processor.validation.ReportPrinter;
import dev.patchbay.processor.validation.ValidationReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The contracts step: checks every class of the compilation against the rules of its extension
 * points ({@code @RequireMethod}, {@code @RequireConstructor}, {@code @MustOverride}) and of the
 * {@code @Contract} annotations it carries, and reports misplaced rules and forgotten
 * registrations.
 *
 * <p>It looks at every root element ({@code "*"}), not only at Patchbay-annotated ones: a class
 * that forgot {@code @Plugin}, or carries a contract annotation from another jar, has no Patchbay
 * annotation of its own. It runs before the registry step, which asks {@link #rejected} so that
 * no registry refers to a class that breaks its rules.
 */
public final class ContractStep implements ProcessingStep {

  private final ProcessingContext context;
  private final Elements elements;
  private final RuleReader reader;
  private final ContractValidator contracts;
  private final MisuseValidator misuse = new MisuseValidator();
  private final RegistrationValidator registration;
  private final ReportPrinter printer;
  private final DeferralRule deferral;

  // Names, not elements: elements should not be carried from one round to the next.
  private final Set<String> checked = new HashSet<>();
  private final Set<String> deferred = new TreeSet<>();
  private final Set<String> plugins = new TreeSet<>();
  /** Classes whose rules failed: the registry step leaves them out. */
  private final Set<String> rejected = new HashSet<>();

  /**
   * Creates the step for one processor instance.
   *
   * @param context the processor's shared context
   */
  public ContractStep(ProcessingContext context) {
    this.context = context;
    this.elements = context.env().getElementUtils();
    this.reader = new RuleReader(new PluginReader(elements, context.env().getTypeUtils()));
    this.contracts = new ContractValidator(elements, context.env().getTypeUtils());
    this.registration = new RegistrationValidator(reader);
    this.printer = new ReportPrinter(context.env());
    this.deferral = new DeferralRule(context.env());
  }

  /**
   * Tells whether this step rejected a class: it broke a rule of its extension points or
   * contracts. A class this step has deferred is not rejected (yet); the registry step defers it
   * by the same {@link DeferralRule}, so it never registers a class this step has not judged.
   *
   * @param qualifiedName the class's canonical name
   * @return true when the class must not be registered
   */
  public boolean rejected(String qualifiedName) {
    return rejected.contains(qualifiedName);
  }

  /**
   * The plugins this step judged and did not reject, once every round has been checked: those a
   * named module must provide.
   *
   * @return canonical names, sorted
   */
  public Set<String> acceptedPlugins() {
    Set<String> accepted = new TreeSet<>(plugins);
    accepted.removeAll(rejected);
    return accepted;
  }

  /** Every annotation, so rounds without Patchbay annotations in the sources still come here. */
  @Override
  public Set<String> annotations() {
    return Set.of("*");
  }

  /** Checks the types this round brought, and those deferred from earlier rounds. */
  @Override
  public void process(RoundEnvironment round) {
    reader.newRound();
    List<TypeElement> todo = new ArrayList<>();
    for (String name : deferred) {
      Optional.ofNullable(elements.getTypeElement(name)).ifPresent(todo::add);
    }
    deferred.clear();
    for (Element root : round.getRootElements()) {
      collectTypes(root, todo);
    }
    for (TypeElement type : todo) {
      String name = type.getQualifiedName().toString();
      if (checked.contains(name)) {
        continue;
      }
      // A supertype or annotation another processor generates later: check it once it exists.
      if (!round.processingOver() && deferral.mustDefer(type)) {
        deferred.add(name);
        continue;
      }
      checked.add(name);
      check(type);
    }
  }

  /** Checks what stayed unresolved (javac reports the missing types). */
  @Override
  public void finish() {
    reader.newRound();
    for (String name : deferred) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null && checked.add(name)) {
        check(type);
      }
    }
    deferred.clear();
  }

  private void check(TypeElement type) {
    // One broken class must not hide the diagnostics of the others.
    try {
      boolean isPlugin = AnnotationMirrors.has(type, TypeNames.PLUGIN);
      if (isPlugin) {
        plugins.add(type.getQualifiedName().toString());
      }
      ValidationReport ruleReport = contracts.validate(type, reader.rulesFor(type, isPlugin));
      printer.print(ValidationReport.builder()
          .addAll(misuse.validate(type))
          .addAll(ruleReport)
          .addAll(registration.validate(type))
          .build());
      if (!ruleReport.isClean()) {
        rejected.add(type.getQualifiedName().toString());
      }
    } catch (RuntimeException failure) {
      context.reportInternalError(type, failure);
    }
  }

  /** Adds {@code element} if it is a type, and every type nested in it. */
  private static void collectTypes(Element element, List<TypeElement> out) {
    if (element instanceof TypeElement type) {
      out.add(type);
      for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
        collectTypes(nested, out);
      }
    }
  }
}
