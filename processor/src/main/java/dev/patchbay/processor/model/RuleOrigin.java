package dev.patchbay.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Where a rule was declared: the extension point or contract annotation type carrying it, and the
 * rule annotation itself (for anchoring misuse errors).
 *
 * @param declaringType the extension point or the {@code @Contract} annotation type
 * @param contract true when {@code declaringType} is a contract annotation type
 * @param annotation the {@code @RequireMethod} / {@code @RequireConstructor} mirror
 */
public record RuleOrigin(TypeElement declaringType, boolean contract, AnnotationMirror annotation) {

  /**
   * Describes the origin, e.g. "@RequireMethod on extension point DatabaseBackend".
   *
   * @param ruleName the rule annotation's simple name
   * @return the description
   */
  public String describe(String ruleName) {
    return contract
        ? "@" + ruleName + " on contract @" + declaringType.getSimpleName()
        : "@" + ruleName + " on extension point " + declaringType.getSimpleName();
  }
}
