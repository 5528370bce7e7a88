package dev.patchbay.processor.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
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
final class MisuseValidator {
  private static final String TARGET = "java.lang.annotation.Target";

  ValidationReport validate(TypeElement type) {
    ValidationReport.Builder report = ValidationReport.builder();
    checkPlacement(type, report);
    checkMethodRules(type, report);
    checkConstructorRules(type, report);
    if (type.getKind() == ElementKind.ANNOTATION_TYPE && Mirrors.isContractAnnotation(type)) {
      checkContractAnnotation(type, report);
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Mirrors.find(method, Mirrors.MUST_OVERRIDE).ifPresent(m -> checkMustOverride(type, method,
          m, report));
    }
    return report.build();
  }

  /** A modifier that keeps {@code method} from being overridden: private, static or final. */
  static Optional<String> unoverridableModifier(ExecutableElement method) {
    for (Modifier modifier : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)) {
      if (method.getModifiers().contains(modifier)) {
        return Optional.of(modifier.toString());
      }
    }
    return Optional.empty();
  }

  /** Rules count only on extension points and {@code @Contract} annotation types. */
  private void checkPlacement(TypeElement type, ValidationReport.Builder report) {
    boolean annotationType = type.getKind() == ElementKind.ANNOTATION_TYPE;
    if (annotationType ? Mirrors.isContractAnnotation(type) : Mirrors.isExtensionPoint(type)) {
      return;
    }
    String name = ContractValidator.displayName(type);
    for (AnnotationMirror rule : allRules(type)) {
      String ruleName = rule.getAnnotationType().asElement().getSimpleName().toString();
      String message = annotationType
          ? String.format(Locale.ROOT, ContractMessages.RULE_ON_NON_CONTRACT_ANNOTATION, ruleName, name, name,
              type.getSimpleName())
          : String.format(Locale.ROOT, ContractMessages.RULE_ON_PLAIN_TYPE, ruleName, name, name);
      report.add(Finding.error(message, type, rule));
    }
  }

  private void checkMethodRules(TypeElement type, ValidationReport.Builder report) {
    String owner = ContractValidator.displayName(type);
    for (AnnotationMirror rule :
        Mirrors.repeated(type, Mirrors.REQUIRE_METHOD, Mirrors.REQUIRE_METHOD_LIST)) {
      Optional<AnnotationValue> nameValue = Mirrors.explicitValue(rule, "name");
      String name = nameValue.map(v -> v.getValue().toString()).orElse("");
      if (name.isBlank()) {
        report.add(Finding.error(String.format(Locale.ROOT, ContractMessages.BLANK_METHOD_NAME, owner), type,
            rule, nameValue.orElse(null)));
      } else if (!SourceVersion.isIdentifier(name.strip())
          || SourceVersion.isKeyword(name.strip())) {
        report.add(Finding.error(String.format(Locale.ROOT, ContractMessages.INVALID_METHOD_NAME, name, owner),
            type, rule, nameValue.orElse(null)));
      }
      Optional<AnnotationValue> parameters = Mirrors.explicitValue(rule, "parameters");
      List<AnnotationValue> items = Mirrors.list(parameters.orElse(null));
      if (items.size() > 1 && RuleReader.classes(parameters.get()).stream()
          .anyMatch(RuleReader::isAny)) {
        report.add(Finding.error(String.format(Locale.ROOT, ContractMessages.ANY_NOT_ALONE, "RequireMethod",
            owner), type, rule, parameters.get()));
      }
    }
  }

  private void checkConstructorRules(TypeElement type, ValidationReport.Builder report) {
    String owner = ContractValidator.displayName(type);
    for (AnnotationMirror rule :
        Mirrors.repeated(type, Mirrors.REQUIRE_CONSTRUCTOR, Mirrors.REQUIRE_CONSTRUCTOR_LIST)) {
      Optional<AnnotationValue> parameters = Mirrors.explicitValue(rule, "parameters");
      if (parameters.isPresent()
          && RuleReader.classes(parameters.get()).stream().anyMatch(RuleReader::isAny)) {
        report.add(Finding.error(String.format(Locale.ROOT, ContractMessages.ANY_IN_CONSTRUCTOR, owner), type,
            rule, parameters.get()));
      }
    }
  }

  private void checkContractAnnotation(TypeElement type, ValidationReport.Builder report) {
    String name = ContractValidator.displayName(type);
    Optional<AnnotationMirror> target = Mirrors.find(type, TARGET);
    if (target.isPresent()) {
      List<String> kinds = Mirrors.list(Mirrors.value(target.get(), "value").orElse(null))
          .stream()
          .filter(v -> v.getValue() instanceof VariableElement) // skip what does not resolve
          .map(v -> ((VariableElement) v.getValue()).getSimpleName().toString())
          .toList();
      // TYPE_USE also admits class declarations (JLS 9.6.4.1); no @Target admits them as well.
      if (!kinds.contains("TYPE") && !kinds.contains("TYPE_USE")) {
        String written = kinds.stream().map(k -> "ElementType." + k)
            .collect(Collectors.joining(", ", kinds.size() == 1 ? "" : "{",
                kinds.size() == 1 ? "" : "}"));
        report.add(Finding.error(
            String.format(Locale.ROOT, ContractMessages.CONTRACT_TARGET_EXCLUDES_TYPES, name, written), type,
            target.get()));
      }
    }
    if (allRules(type).isEmpty() && !Suppressions.isSuppressed(type)) {
      report.add(Finding.warning(String.format(Locale.ROOT, ContractMessages.CONTRACT_WITHOUT_RULES, name),
          type, Mirrors.find(type, Mirrors.CONTRACT).orElse(null)));
    }
  }

  private void checkMustOverride(TypeElement type, ExecutableElement method,
      AnnotationMirror mustOverride, ValidationReport.Builder report) {
    String owner = ContractValidator.displayName(type);
    String methodName = method.getSimpleName().toString();
    if (!Mirrors.isExtensionPoint(type)) {
      report.add(Finding.error(String.format(Locale.ROOT, ContractMessages.MUST_OVERRIDE_OUTSIDE_EXTENSION_POINT,
          owner, methodName, owner), method, mustOverride));
    }
    unoverridableModifier(method).ifPresent(modifier -> report.add(Finding.error(
        String.format(Locale.ROOT, ContractMessages.MUST_OVERRIDE_NOT_OVERRIDABLE, owner, methodName, modifier),
        method, mustOverride)));
  }

  /** The rule annotations written directly on {@code type}, repeated ones included. */
  private static List<AnnotationMirror> allRules(TypeElement type) {
    List<AnnotationMirror> rules = new ArrayList<>(
        Mirrors.repeated(type, Mirrors.REQUIRE_METHOD, Mirrors.REQUIRE_METHOD_LIST));
    rules.addAll(
        Mirrors.repeated(type, Mirrors.REQUIRE_CONSTRUCTOR, Mirrors.REQUIRE_CONSTRUCTOR_LIST));
    return rules;
  }
}
