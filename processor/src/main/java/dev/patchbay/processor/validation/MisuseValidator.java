package dev.patchbay.processor.validation;

import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.reading.AnnotationMirrors;
import dev.patchbay.processor.reading.RuleReader;
import dev.patchbay.processor.reading.Suppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Reports rule annotations written where they can never do anything, at the place they are
 * written: a rule that silently checks nothing is worse than no rule.
 *
 * <p>Only types of the current compilation are checked; class files from other jars were checked
 * when they were compiled.
 */
public final class MisuseValidator {

  /**
   * Checks the rule annotations written on one type of this compilation.
   *
   * @param type any type
   * @return an error for each misplaced or malformed rule annotation
   */
  public ValidationReport validate(TypeElement type) {
    ValidationReport.Builder report = ValidationReport.builder();
    checkPlacement(type, report);
    checkMethodRules(type, report);
    checkConstructorRules(type, report);
    if (type.getKind() == ElementKind.ANNOTATION_TYPE
        && AnnotationMirrors.isContractAnnotation(type)) {
      checkContractAnnotation(type, report);
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      AnnotationMirrors.find(method, TypeNames.MUST_OVERRIDE)
          .ifPresent(m -> checkMustOverride(type, method, m, report));
    }
    return report.build();
  }

  /** Rules count only on extension points and {@code @Contract} annotation types. */
  private void checkPlacement(TypeElement type, ValidationReport.Builder report) {
    boolean annotationType = type.getKind() == ElementKind.ANNOTATION_TYPE;
    if (annotationType
        ? AnnotationMirrors.isContractAnnotation(type)
        : AnnotationMirrors.isExtensionPoint(type)) {
      return;
    }
    String name = ContractValidator.displayName(type);
    for (AnnotationMirror rule : allRules(type)) {
      String ruleName = rule.getAnnotationType().asElement().getSimpleName().toString();
      String message = annotationType
          ? Message.RULE_ON_NON_CONTRACT_ANNOTATION.format(ruleName, name, name,
              type.getSimpleName())
          : Message.RULE_ON_PLAIN_TYPE.format(ruleName, name, name);
      report.error(message, type, rule);
    }
  }

  private void checkMethodRules(TypeElement type, ValidationReport.Builder report) {
    String owner = ContractValidator.displayName(type);
    for (AnnotationMirror rule :
        AnnotationMirrors.repeated(type, TypeNames.REQUIRE_METHOD, TypeNames.REQUIRE_METHOD_LIST)) {
      Optional<AnnotationValue> nameValue = AnnotationMirrors.explicitValue(rule, "name");
      String name = nameValue.map(v -> v.getValue().toString()).orElse("");
      if (name.isBlank()) {
        report.error(Message.BLANK_METHOD_NAME.format(owner), type,
            rule, nameValue.orElse(null));
      } else if (!SourceVersion.isIdentifier(name.strip())
          || SourceVersion.isKeyword(name.strip())) {
        report.error(Message.INVALID_METHOD_NAME.format(name, owner),
            type, rule, nameValue.orElse(null));
      }
      Optional<AnnotationValue> parameters = AnnotationMirrors.explicitValue(rule, "parameters");
      List<AnnotationValue> items = AnnotationMirrors.list(parameters.orElse(null));
      if (items.size() > 1 && AnnotationMirrors.classes(parameters.get()).stream()
          .anyMatch(AnnotationMirrors::isAny)) {
        report.error(Message.ANY_NOT_ALONE.format("RequireMethod",
            owner), type, rule, parameters.get());
      }
    }
  }

  private void checkConstructorRules(TypeElement type, ValidationReport.Builder report) {
    String owner = ContractValidator.displayName(type);
    for (AnnotationMirror rule :
        AnnotationMirrors.repeated(
            type, TypeNames.REQUIRE_CONSTRUCTOR, TypeNames.REQUIRE_CONSTRUCTOR_LIST)) {
      Optional<AnnotationValue> parameters = AnnotationMirrors.explicitValue(rule, "parameters");
      if (parameters.isPresent()
          && AnnotationMirrors.classes(parameters.get()).stream()
              .anyMatch(AnnotationMirrors::isAny)) {
        report.error(Message.ANY_IN_CONSTRUCTOR.format(owner), type,
            rule, parameters.get());
      }
    }
  }

  private void checkContractAnnotation(TypeElement type, ValidationReport.Builder report) {
    String name = ContractValidator.displayName(type);
    Optional<AnnotationMirror> target = AnnotationMirrors.find(type, TypeNames.TARGET);
    if (target.isPresent()) {
      List<String> kinds =
          AnnotationMirrors.list(AnnotationMirrors.value(target.get(), "value").orElse(null))
              .stream()
              .filter(v -> v.getValue() instanceof VariableElement) // skip what does not resolve
              .map(v -> ((VariableElement) v.getValue()).getSimpleName().toString())
              .toList();
      // TYPE_USE also admits class declarations (JLS 9.6.4.1); no @Target admits them as well.
      if (!kinds.contains("TYPE") && !kinds.contains("TYPE_USE")) {
        String written = kinds.stream().map(k -> "ElementType." + k)
            .collect(Collectors.joining(", ", kinds.size() == 1 ? "" : "{",
                kinds.size() == 1 ? "" : "}"));
        report.error(
            Message.CONTRACT_TARGET_EXCLUDES_TYPES.format(name, written), type,
            target.get());
      }
    }
    if (allRules(type).isEmpty() && !Suppressions.isSuppressed(type)) {
      report.warning(Message.CONTRACT_WITHOUT_RULES.format(name),
          type, AnnotationMirrors.find(type, TypeNames.CONTRACT).orElse(null));
    }
  }

  private void checkMustOverride(TypeElement type, ExecutableElement method,
      AnnotationMirror mustOverride, ValidationReport.Builder report) {
    String owner = ContractValidator.displayName(type);
    String methodName = method.getSimpleName().toString();
    if (!AnnotationMirrors.isExtensionPoint(type)) {
      report.error(
          Message.MUST_OVERRIDE_OUTSIDE_EXTENSION_POINT.format(owner, methodName, owner),
          method,
          mustOverride);
    }
    RuleReader.unoverridableModifier(method).ifPresent(modifier -> report.error(
        Message.MUST_OVERRIDE_NOT_OVERRIDABLE.format(owner, methodName, modifier),
        method, mustOverride));
  }

  /** The rule annotations written directly on {@code type}, repeated ones included. */
  private static List<AnnotationMirror> allRules(TypeElement type) {
    List<AnnotationMirror> rules = new ArrayList<>(
        AnnotationMirrors.repeated(type, TypeNames.REQUIRE_METHOD, TypeNames.REQUIRE_METHOD_LIST));
    rules.addAll(
        AnnotationMirrors.repeated(
            type, TypeNames.REQUIRE_CONSTRUCTOR, TypeNames.REQUIRE_CONSTRUCTOR_LIST));
    return rules;
  }
}
