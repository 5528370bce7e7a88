package dev.patchbay.processor.reading;

import dev.patchbay.processor.base.TypeNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads {@code @RequireConstructor}, written once or repeated (javac then wraps the rules in the
 * container annotation), on an extension point or a contract annotation type. The contracts
 * check and the registry's typed factories both read the rules here.
 */
public final class RequireConstructorReader {
  private RequireConstructorReader() {}

  /**
   * One {@code @RequireConstructor} as written.
   *
   * @param annotation the mirror, to anchor diagnostics on
   * @param parameters the parameter types that resolve, in order (empty: no-argument constructor)
   */
  public record Rule(AnnotationMirror annotation, List<TypeMirror> parameters) {

    /** Copies the list. */
    public Rule {
      parameters = List.copyOf(parameters);
    }

    /**
     * Whether the rule lists {@code RequireMethod.Any}, a misuse no constructor can satisfy.
     *
     * @return true when some parameter is {@code RequireMethod.Any}
     */
    public boolean listsAny() {
      return parameters.stream().anyMatch(AnnotationMirrors::isAny);
    }
  }

  /**
   * The {@code @RequireConstructor} rules declared on {@code type}, in declaration order.
   *
   * @param type an extension point or contract annotation type
   * @return the rules, none when it declares none
   */
  public static List<Rule> rules(TypeElement type) {
    List<Rule> rules = new ArrayList<>();
    for (AnnotationMirror mirror : AnnotationMirrors.repeated(
        type, TypeNames.REQUIRE_CONSTRUCTOR, TypeNames.REQUIRE_CONSTRUCTOR_LIST)) {
      rules.add(new Rule(mirror,
          AnnotationMirrors.classes(AnnotationMirrors.value(mirror, "parameters").orElse(null))));
    }
    return rules;
  }
}
