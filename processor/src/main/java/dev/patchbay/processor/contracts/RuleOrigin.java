package dev.patchbay.processor.contracts;

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
record RuleOrigin(TypeElement declaringType, boolean contract, AnnotationMirror annotation) {

  /** Describes the origin for messages, e.g. "@RequireMethod on extension point DatabaseBackend". */
  String describe(String ruleName) {
    return contract
        ? "@" + ruleName + " on contract @" + declaringType.getSimpleName()
        : "@" + ruleName + " on extension point " + declaringType.getSimpleName();
  }
}
