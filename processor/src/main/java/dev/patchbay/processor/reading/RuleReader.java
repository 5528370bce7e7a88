package dev.patchbay.processor.reading;

import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.ConstructorRequirement;
import dev.patchbay.processor.model.MethodRequirement;
import dev.patchbay.processor.model.OverrideRequirement;
import dev.patchbay.processor.model.RuleOrigin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads the rules that apply to a class: those of every extension point among its supertypes
 * ({@code @RequireMethod}, {@code @RequireConstructor}, {@code @MustOverride}) and those of every
 * {@code @Contract} annotation it carries, from sources or class files alike.
 *
 * <p>The rules hold elements and type mirrors, so they are read again each round.
 */
public final class RuleReader {
  private final PluginReader plugins;
  /** Rules of extension points by qualified name, for the current round only. */
  private final Map<String, Rules> extensionPointRules = new HashMap<>();

  /**
   * Creates a reader.
   *
   * @param plugins the plugin reader of the same compilation, which finds extension points
   */
  public RuleReader(PluginReader plugins) {
    this.plugins = plugins;
  }

  /** Forgets what was read: elements of one round must not be used in the next. */
  public void newRound() {
    extensionPointRules.clear();
  }

  /**
   * All rules one class must satisfy.
   *
   * @param methods its {@code @RequireMethod} rules
   * @param constructors its {@code @RequireConstructor} rules
   * @param overrides its {@code @MustOverride} methods
   */
  public record Rules(
      List<MethodRequirement> methods,
      List<ConstructorRequirement> constructors,
      List<OverrideRequirement> overrides) {}

  /**
   * Every {@code @ExtensionPoint} type among the supertypes of {@code type}, sorted by qualified
   * name so diagnostics come out in a stable order (see {@link PluginReader#extensionPointsOf}).
   *
   * @param type any class
   * @return the extension points, each once
   */
  public List<TypeElement> extensionPointsOf(TypeElement type) {
    return plugins.extensionPointsOf(type);
  }

  /**
   * The {@code @Contract} annotation types among the annotations {@code type} carries.
   *
   * @param type any element
   * @return the contract annotation types, in the order they are written
   */
  public List<TypeElement> contractsOf(Element type) {
    List<TypeElement> contracts = new ArrayList<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      Element annotationType = mirror.getAnnotationType().asElement();
      if (AnnotationMirrors.isContractAnnotation(annotationType)) {
        contracts.add((TypeElement) annotationType);
      }
    }
    return contracts;
  }

  /**
   * The rules {@code type} must satisfy as a plugin and as a carrier of contract annotations.
   *
   * @param type any class
   * @param isPlugin whether it carries {@code @Plugin} (only plugins follow extension points' rules)
   * @return the rules
   */
  public Rules rulesFor(TypeElement type, boolean isPlugin) {
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
   * are skipped here; the misuse check reports them where they are written.
   *
   * @param declaringType an extension point or contract annotation type
   * @param contract whether it is a contract annotation type
   * @return the rules, in declaration order
   */
  public List<MethodRequirement> methodRules(TypeElement declaringType, boolean contract) {
    List<MethodRequirement> rules = new ArrayList<>();
    for (AnnotationMirror mirror : AnnotationMirrors.repeated(
        declaringType, TypeNames.REQUIRE_METHOD, TypeNames.REQUIRE_METHOD_LIST)) {
      String name = AnnotationMirrors.value(mirror, "name")
          .map(v -> v.getValue().toString()).orElse("");
      if (name.isBlank()) {
        continue;
      }
      List<TypeMirror> parameters =
          AnnotationMirrors.classes(AnnotationMirrors.value(mirror, "parameters").orElse(null));
      // {Any.class} alone is the "any parameters" default; Any mixed with types is a misuse
      // reported elsewhere, and read as "any" so one mistake does not cascade.
      boolean anyParameters = parameters.stream().anyMatch(AnnotationMirrors::isAny);
      TypeMirror returns = AnnotationMirrors.classes(
              AnnotationMirrors.value(mirror, "returns").orElse(null)).stream()
          .findFirst().orElse(null);
      boolean anyReturn = returns == null || AnnotationMirrors.isAny(returns);
      boolean isStatic = AnnotationMirrors.value(mirror, "isStatic")
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

  /**
   * The {@code @RequireConstructor} rules declared on {@code declaringType} that a constructor
   * can satisfy (one listing {@code RequireMethod.Any} is a misuse, reported where it is written).
   *
   * @param declaringType an extension point or contract annotation type
   * @param contract whether it is a contract annotation type
   * @return the rules, in declaration order
   */
  public List<ConstructorRequirement> constructorRules(
      TypeElement declaringType, boolean contract) {
    List<ConstructorRequirement> rules = new ArrayList<>();
    for (RequireConstructorReader.Rule rule : RequireConstructorReader.rules(declaringType)) {
      if (!rule.listsAny()) {
        rules.add(new ConstructorRequirement(
            rule.parameters(), new RuleOrigin(declaringType, contract, rule.annotation())));
      }
    }
    return rules;
  }

  /**
   * The {@code @MustOverride} methods of an extension point that plugins can override.
   *
   * @param extensionPoint an extension point
   * @return the methods' rules, in declaration order
   */
  public List<OverrideRequirement> overrideRules(TypeElement extensionPoint) {
    List<OverrideRequirement> rules = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(extensionPoint.getEnclosedElements())) {
      if (AnnotationMirrors.has(method, TypeNames.MUST_OVERRIDE)
          && unoverridableModifier(method).isEmpty()) {
        rules.add(new OverrideRequirement(method, extensionPoint));
      }
    }
    return rules;
  }

  /**
   * A modifier that keeps {@code method} from being overridden: private, static or final.
   *
   * @param method a method
   * @return the first such modifier, or empty when plugins can override it
   */
  public static Optional<String> unoverridableModifier(ExecutableElement method) {
    for (Modifier modifier : List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)) {
      if (method.getModifiers().contains(modifier)) {
        return Optional.of(modifier.toString());
      }
    }
    return Optional.empty();
  }
}
