package dev.patchbay.processor.contracts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads the rules that apply to a class: those of every extension point among its supertypes and
 * those of every {@code @Contract} annotation it carries, from sources or class files alike.
 */
final class RuleReader {
  private final Types types;
  /** Rules of extension points by qualified name, for the current round only. */
  private final Map<String, Rules> extensionPointRules = new HashMap<>();

  RuleReader(Types types) {
    this.types = types;
  }

  /** Forgets what was read: elements of one round must not be used in the next. */
  void newRound() {
    extensionPointRules.clear();
  }

  /** All rules one class must satisfy. */
  record Rules(
      List<MethodRequirement> methods,
      List<ConstructorRequirement> constructors,
      List<OverrideRequirement> overrides) {

    boolean isEmpty() {
      return methods.isEmpty() && constructors.isEmpty() && overrides.isEmpty();
    }
  }

  /**
   * Every {@code @ExtensionPoint} type among the supertypes of {@code type} (generic ones by their
   * declaration), sorted by qualified name so diagnostics come out in a stable order.
   */
  List<TypeElement> extensionPointsOf(TypeElement type) {
    Map<String, TypeElement> found = new LinkedHashMap<>();
    Deque<TypeMirror> pending = new ArrayDeque<>(types.directSupertypes(type.asType()));
    while (!pending.isEmpty()) {
      TypeMirror next = pending.pop();
      if (next.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement element = (TypeElement) ((DeclaredType) next).asElement();
      String name = element.getQualifiedName().toString();
      if (found.containsKey(name)) {
        continue;
      }
      found.put(name, element);
      pending.addAll(types.directSupertypes(next));
    }
    // A loop, not a stream: this runs once per class of the compilation, in a cold javac.
    Map<String, TypeElement> sorted = new TreeMap<>();
    for (Map.Entry<String, TypeElement> entry : found.entrySet()) {
      if (Mirrors.isExtensionPoint(entry.getValue())) {
        sorted.put(entry.getKey(), entry.getValue());
      }
    }
    return List.copyOf(sorted.values());
  }

  /** The {@code @Contract} annotation types among the annotations {@code type} carries. */
  List<TypeElement> contractsOf(Element type) {
    List<TypeElement> contracts = new ArrayList<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      Element annotationType = mirror.getAnnotationType().asElement();
      if (Mirrors.isContractAnnotation(annotationType)) {
        contracts.add((TypeElement) annotationType);
      }
    }
    return contracts;
  }

  /** The rules {@code type} must satisfy as a plugin and as a carrier of contract annotations. */
  Rules rulesFor(TypeElement type, boolean isPlugin) {
    List<MethodRequirement> methods = new ArrayList<>();
    List<ConstructorRequirement> constructors = new ArrayList<>();
    List<OverrideRequirement> overrides = new ArrayList<>();
    if (isPlugin) {
      for (TypeElement extensionPoint : extensionPointsOf(type)) {
        // Thousands of plugins share a few extension points: read each one's rules once a round.
        Rules rules = extensionPointRules.computeIfAbsent(
            extensionPoint.getQualifiedName().toString(),
            k -> new Rules(methodRules(extensionPoint, false),
                constructorRules(extensionPoint, false), overrideRules(extensionPoint)));
        methods.addAll(rules.methods());
        constructors.addAll(rules.constructors());
        overrides.addAll(rules.overrides());
      }
    }
    for (TypeElement contract : contractsOf(type)) {
      methods.addAll(methodRules(contract, true));
      constructors.addAll(constructorRules(contract, true));
    }
    return new Rules(List.copyOf(methods), List.copyOf(constructors), List.copyOf(overrides));
  }

  /**
   * The {@code @RequireMethod} rules declared on {@code declaringType}. Rules whose name is blank
   * are skipped here; {@link MisuseValidator} reports them where they are written.
   */
  List<MethodRequirement> methodRules(TypeElement declaringType, boolean contract) {
    List<MethodRequirement> rules = new ArrayList<>();
    for (AnnotationMirror mirror :
        Mirrors.repeated(declaringType, Mirrors.REQUIRE_METHOD, Mirrors.REQUIRE_METHOD_LIST)) {
      String name = Mirrors.value(mirror, "name").map(v -> v.getValue().toString()).orElse("");
      if (name.isBlank()) {
        continue;
      }
      List<TypeMirror> parameters = classes(Mirrors.value(mirror, "parameters").orElse(null));
      // {Any.class} alone is the "any parameters" default; Any mixed with types is a misuse
      // reported elsewhere, and read as "any" so one mistake does not cascade.
      boolean anyParameters = parameters.stream().anyMatch(RuleReader::isAny);
      TypeMirror returns = classes(Mirrors.value(mirror, "returns").orElse(null)).stream()
          .findFirst().orElse(null);
      boolean anyReturn = returns == null || isAny(returns);
      boolean isStatic = Mirrors.value(mirror, "isStatic")
          .map(v -> Boolean.TRUE.equals(v.getValue())).orElse(false);
      rules.add(new MethodRequirement(
          name.strip(),
          anyParameters ? Optional.empty() : Optional.of(parameters),
          anyReturn ? Optional.empty() : Optional.of(returns),
          isStatic,
          new RuleOrigin(declaringType, contract, mirror)));
    }
    return rules;
  }

  /** The {@code @RequireConstructor} rules declared on {@code declaringType}. */
  List<ConstructorRequirement> constructorRules(TypeElement declaringType, boolean contract) {
    List<ConstructorRequirement> rules = new ArrayList<>();
    for (AnnotationMirror mirror : Mirrors.repeated(
        declaringType, Mirrors.REQUIRE_CONSTRUCTOR, Mirrors.REQUIRE_CONSTRUCTOR_LIST)) {
      List<TypeMirror> parameters = classes(Mirrors.value(mirror, "parameters").orElse(null));
      if (parameters.stream().anyMatch(RuleReader::isAny)) {
        continue; // a misuse, reported by MisuseValidator; no constructor could match it
      }
      rules.add(new ConstructorRequirement(
          List.copyOf(parameters), new RuleOrigin(declaringType, contract, mirror)));
    }
    return rules;
  }

  /** The {@code @MustOverride} methods of an extension point that plugins can override. */
  List<OverrideRequirement> overrideRules(TypeElement extensionPoint) {
    List<OverrideRequirement> rules = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(extensionPoint.getEnclosedElements())) {
      if (Mirrors.has(method, Mirrors.MUST_OVERRIDE)
          && MisuseValidator.unoverridableModifier(method).isEmpty()) {
        rules.add(new OverrideRequirement(method, extensionPoint));
      }
    }
    return rules;
  }

  /** The types of a {@code Class<?>} or {@code Class<?>[]} annotation value. */
  static List<TypeMirror> classes(AnnotationValue value) {
    List<TypeMirror> result = new ArrayList<>();
    for (AnnotationValue item : Mirrors.list(value)) {
      if (item.getValue() instanceof TypeMirror type) {
        result.add(type);
      }
    }
    return result;
  }

  static boolean isAny(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals(Mirrors.ANY);
  }
}
