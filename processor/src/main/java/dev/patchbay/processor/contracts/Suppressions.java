package dev.patchbay.processor.contracts;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** Reads {@code @SuppressWarnings("patchbay")} on an element or any element enclosing it. */
final class Suppressions {
  private static final String SUPPRESS_WARNINGS = SuppressWarnings.class.getCanonicalName();

  private Suppressions() {}

  /** True when {@code element} or an enclosing element suppresses "patchbay" (or "all"). */
  static boolean isSuppressed(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      for (AnnotationMirror mirror : e.getAnnotationMirrors()) {
        if (!Mirrors.typeName(mirror).equals(SUPPRESS_WARNINGS)) {
          continue;
        }
        for (AnnotationValue key : Mirrors.list(Mirrors.value(mirror, "value").orElse(null))) {
          Object text = key.getValue();
          if (ContractMessages.SUPPRESSION_KEY.equals(text) || "all".equals(text)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
