package dev.patchbay.processor.validation;

import dev.patchbay.processor.base.Identifiers;
import dev.patchbay.processor.base.SignatureFormatter;
import dev.patchbay.processor.model.ConstructorRequirement;
import dev.patchbay.processor.model.MethodRequirement;
import dev.patchbay.processor.model.OverrideRequirement;
import dev.patchbay.processor.reading.RuleReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one class against every rule that applies to it and reports each unmet rule as its own
 * error, so a class breaking three rules gets three errors in one build.
 *
 * <p>Errors are anchored on the class (that is where the rule applies); the member that almost
 * satisfies a rule gets an extra NOTE, so the line to change is found at once.
 */
public final class ContractValidator {
  private final Elements elements;
  private final Types types;

  /**
   * Creates a validator.
   *
   * @param elements element utilities
   * @param types type utilities
   */
  public ContractValidator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Checks one class against its rules.
   *
   * @param type the class
   * @param rules every rule that applies to it (see {@link RuleReader#rulesFor})
   * @return one error per unmet rule, with notes on near-miss members
   */
  public ValidationReport validate(TypeElement type, RuleReader.Rules rules) {
    ValidationReport.Builder report = ValidationReport.builder();
    for (MethodRequirement rule : rules.methods()) {
      checkMethod(type, rule, report);
    }
    for (ConstructorRequirement rule : rules.constructors()) {
      checkConstructor(type, rule, report);
    }
    for (OverrideRequirement rule : rules.overrides()) {
      checkOverride(type, rule, report);
    }
    return report.build();
  }

  // ---- @RequireMethod ------------------------------------------------------------------------

  private void checkMethod(TypeElement type, MethodRequirement rule, ValidationReport.Builder out) {
    List<ExecutableElement> declared = ElementFilter.methodsIn(type.getEnclosedElements());
    List<ExecutableElement> sameName = declared.stream()
        .filter(m -> m.getSimpleName().contentEquals(rule.name())).toList();
    if (sameName.stream().anyMatch(m -> problems(m, rule).isEmpty())) {
      return;
    }
    String owner = displayName(type);
    String required = required(rule);
    String origin = rule.origin().describe("RequireMethod");
    if (!sameName.isEmpty()) {
      // Same name, wrong shape: say what is wrong with each overload.
      String found = sameName.stream()
          .map(m -> "'" + SignatureFormatter.found(m) + "' ("
              + String.join("; ", problems(m, rule)) + ")")
          .collect(Collectors.joining(", "));
      out.error(Message.METHOD_MISMATCH.format(owner, required, origin, found), type);
      for (ExecutableElement m : sameName) {
        out.note(Message.NOTE_MISMATCH.format(required, origin,
            String.join("; ", problems(m, rule))), m);
      }
      return;
    }
    Optional<ExecutableElement> nearMiss = nearMiss(declared, rule);
    if (nearMiss.isPresent()) {
      ExecutableElement m = nearMiss.get();
      out.error(Message.METHOD_NEAR_MISS.format(owner, required,
          origin, "'" + SignatureFormatter.found(m) + "'", rule.name()), type);
      out.note(Message.NOTE_NEAR_MISS.format(rule.name(), origin, required), m);
      return;
    }
    out.error(Message.METHOD_MISSING.format(owner, required, origin), type);
  }

  /** What keeps {@code method} from satisfying {@code rule}, its name aside; empty when it does. */
  private List<String> problems(ExecutableElement method, MethodRequirement rule) {
    List<String> problems = new ArrayList<>();
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      problems.add("it is " + access(method) + ", not public");
    }
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    if (rule.isStatic() && !isStatic) {
      problems.add("it is an instance method, not static");
    } else if (!rule.isStatic() && isStatic) {
      problems.add("it is static, not an instance method");
    }
    if (rule.parameters().isPresent()) {
      List<TypeMirror> actual = method.getParameters().stream()
          .map(VariableElement::asType).collect(Collectors.toList());
      if (!sameErasures(actual, rule.parameters().get())) {
        problems.add("it takes " + SignatureFormatter.parameterTypes(actual) + ", not "
            + SignatureFormatter.parameterTypes(rule.parameters().get()));
      }
    }
    if (rule.returns().isPresent() && !returnsAssignable(method.getReturnType(),
        rule.returns().get())) {
      problems.add("it returns " + SignatureFormatter.type(method.getReturnType())
          + ", which is not assignable to " + SignatureFormatter.type(rule.returns().get()));
    }
    return problems;
  }

  /**
   * The declared method the author probably meant: the closest name within a small edit distance,
   * else the only method whose whole signature matches under another name.
   */
  private Optional<ExecutableElement> nearMiss(
      List<ExecutableElement> declared, MethodRequirement rule) {
    List<String> names = declared.stream().map(m -> m.getSimpleName().toString()).toList();
    Optional<String> nearest = Identifiers.nearest(rule.name(), names);
    if (nearest.isPresent()) {
      return declared.stream()
          .filter(m -> m.getSimpleName().contentEquals(nearest.get()))
          .findFirst();
    }
    // Only an exact parameter list makes a signature distinctive enough to guess from.
    if (rule.parameters().isEmpty()) {
      return Optional.empty();
    }
    List<ExecutableElement> sameShape = declared.stream()
        .filter(m -> problems(m, rule).isEmpty()).toList();
    return sameShape.size() == 1 ? Optional.of(sameShape.get(0)) : Optional.empty();
  }

  private boolean returnsAssignable(TypeMirror actual, TypeMirror required) {
    // Types.isAssignable is not defined for void; compare void by kind.
    if (required.getKind() == TypeKind.VOID || actual.getKind() == TypeKind.VOID) {
      return required.getKind() == actual.getKind();
    }
    return types.isAssignable(types.erasure(actual), types.erasure(required));
  }

  /** Exact parameter match after erasure, since a class literal names only the raw type. */
  private boolean sameErasures(List<? extends TypeMirror> actual, List<TypeMirror> required) {
    if (actual.size() != required.size()) {
      return false;
    }
    for (int i = 0; i < actual.size(); i++) {
      if (!types.isSameType(types.erasure(actual.get(i)), types.erasure(required.get(i)))) {
        return false;
      }
    }
    return true;
  }

  // ---- @RequireConstructor -------------------------------------------------------------------

  private void checkConstructor(
      TypeElement type, ConstructorRequirement rule, ValidationReport.Builder out) {
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(type.getEnclosedElements());
    String owner = displayName(type);
    String required = required(rule, type);
    String origin = rule.origin().describe("RequireConstructor");
    List<ExecutableElement> sameParameters = constructors.stream()
        .filter(c -> sameErasures(parameterTypes(c), rule.parameters())).toList();
    if (sameParameters.stream().anyMatch(c -> c.getModifiers().contains(Modifier.PUBLIC))) {
      return;
    }
    if (!sameParameters.isEmpty()) {
      ExecutableElement c = sameParameters.get(0);
      String problem = "it is " + access(c) + ", not public";
      out.error(Message.CONSTRUCTOR_MISMATCH.format(owner, required,
          origin, "'" + SignatureFormatter.found(c) + "' (" + problem + ")"), type);
      noteUnlessImplicit(c, Message.NOTE_MISMATCH.format(required, origin,
          problem), out);
      return;
    }
    List<ExecutableElement> explicit = constructors.stream()
        .filter(c -> elements.getOrigin(c) == Elements.Origin.EXPLICIT).toList();
    if (explicit.isEmpty()) {
      out.error(Message.CONSTRUCTOR_MISSING.format(owner, required, origin), type);
      return;
    }
    String found = explicit.stream().map(c -> "'" + SignatureFormatter.found(c) + "'")
        .collect(Collectors.joining(", "));
    out.error(Message.CONSTRUCTOR_MISMATCH.format(owner, required,
        origin, found), type);
    ExecutableElement closest = closestConstructor(explicit, rule.parameters());
    out.note(Message.NOTE_MISMATCH.format(required, origin,
        "it takes " + SignatureFormatter.parameterTypes(parameterTypes(closest)) + ", not "
            + SignatureFormatter.parameterTypes(rule.parameters())), closest);
  }

  /** The constructor differing from the wanted parameters in the fewest positions. */
  private ExecutableElement closestConstructor(
      List<ExecutableElement> constructors, List<TypeMirror> wanted) {
    ExecutableElement best = constructors.get(0);
    int bestScore = Integer.MAX_VALUE;
    for (ExecutableElement c : constructors) {
      List<TypeMirror> actual = parameterTypes(c);
      int score = Math.abs(actual.size() - wanted.size());
      for (int i = 0; i < Math.min(actual.size(), wanted.size()); i++) {
        if (!types.isSameType(types.erasure(actual.get(i)), types.erasure(wanted.get(i)))) {
          score++;
        }
      }
      if (score < bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  private void noteUnlessImplicit(
      ExecutableElement member, String message, ValidationReport.Builder out) {
    // An implicit default constructor has no line of its own to point at.
    if (elements.getOrigin(member) == Elements.Origin.EXPLICIT) {
      out.note(message, member);
    }
  }

  // ---- @MustOverride -------------------------------------------------------------------------

  private void checkOverride(
      TypeElement type, OverrideRequirement rule, ValidationReport.Builder out) {
    TypeMirror extensionPoint = types.erasure(rule.extensionPoint().asType());
    // Walk the plugin and its superclasses that sit below the extension point; an override in
    // any of them counts, one in the extension point itself or in an interface does not.
    TypeElement current = type;
    while (current != null
        && !current.getQualifiedName().equals(rule.extensionPoint().getQualifiedName())
        && types.isSubtype(types.erasure(current.asType()), extensionPoint)) {
      for (ExecutableElement m : ElementFilter.methodsIn(current.getEnclosedElements())) {
        if (elements.overrides(m, rule.method(), current)) {
          return;
        }
      }
      current = superclass(current);
    }
    String method = rule.extensionPoint().getSimpleName() + "." + rule.method().getSimpleName()
        + SignatureFormatter.parameterTypes(parameterTypes(rule.method()));
    out.error(
        Message.MUST_OVERRIDE_MISSING.format(
            displayName(type),
            method,
            rule.extensionPoint().getSimpleName(),
            overrideDeclaration(type, rule.method())),
        type);
  }

  /** The declaration a plugin would write, with the extension point's type arguments applied. */
  private String overrideDeclaration(TypeElement type, ExecutableElement method) {
    ExecutableType asMember;
    try {
      asMember = (ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method);
    } catch (IllegalArgumentException notAMember) {
      asMember = (ExecutableType) method.asType();
    }
    StringBuilder out = new StringBuilder(
        method.getModifiers().contains(Modifier.PROTECTED) ? "protected " : "public ");
    out.append(SignatureFormatter.type(asMember.getReturnType())).append(' ')
        .append(method.getSimpleName()).append('(');
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < method.getParameters().size(); i++) {
      parameters.add(SignatureFormatter.type(asMember.getParameterTypes().get(i)) + " "
          + method.getParameters().get(i).getSimpleName());
    }
    return out.append(String.join(", ", parameters)).append(')').toString();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** E.g. {@code public static DatabaseBackend create(String url)} for a required method. */
  private static String required(MethodRequirement rule) {
    StringBuilder out = new StringBuilder("public ");
    if (rule.isStatic()) {
      out.append("static ");
    }
    out.append(rule.returns().map(SignatureFormatter::type).orElse("/* any type */"));
    out.append(' ').append(rule.name()).append('(');
    out.append(rule.parameters().map(SignatureFormatter::namedParameters)
        .orElse("/* any parameters */"));
    return out.append(')').toString();
  }

  /** E.g. {@code public SmtpNotifier(String host, int port)} for a required constructor. */
  private static String required(ConstructorRequirement rule, TypeElement owner) {
    return "public "
        + owner.getSimpleName()
        + "("
        + SignatureFormatter.namedParameters(rule.parameters())
        + ")";
  }


  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED
        ? (TypeElement) ((DeclaredType) superclass).asElement()
        : null;
  }

  private static List<TypeMirror> parameterTypes(ExecutableElement executable) {
    return executable.getParameters().stream().map(VariableElement::asType)
        .collect(Collectors.toList());
  }

  private static String access(Element member) {
    if (member.getModifiers().contains(Modifier.PRIVATE)) {
      return "private";
    }
    if (member.getModifiers().contains(Modifier.PROTECTED)) {
      return "protected";
    }
    return member.getModifiers().contains(Modifier.PUBLIC) ? "public" : "package-private";
  }

  /** Simple name, with enclosing types for nested classes ({@code Outer.Inner}). */
  static String displayName(TypeElement type) {
    return SignatureFormatter.nestedName(type);
  }
}
