package dev.patchbay.processor.reading;

import dev.patchbay.processor.base.TypeNames;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** Reads {@code @SuppressWarnings("patchbay")} on an element or any element enclosing it. */
public final class Suppressions {
  private Suppressions() {}

  /**
   * Whether {@code element} or an element enclosing it suppresses "patchbay" (or "all").
   *
   * @param element any element
   * @return true when Patchbay's warnings are silenced there
   */
  public static boolean isSuppressed(Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      for (AnnotationMirror mirror : e.getAnnotationMirrors()) {
        if (!AnnotationMirrors.typeName(mirror).equals(TypeNames.SUPPRESS_WARNINGS)) {
          continue;
        }
        for (AnnotationValue key :
            AnnotationMirrors.list(AnnotationMirrors.value(mirror, "value").orElse(null))) {
          Object text = key.getValue();
          if (TypeNames.SUPPRESSION_KEY.equals(text) || "all".equals(text)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
