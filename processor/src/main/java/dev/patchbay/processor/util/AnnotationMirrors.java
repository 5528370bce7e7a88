package dev.patchbay.processor.util;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotation mirrors and their values, so diagnostics can point at the exact attribute.
 */
public final class AnnotationMirrors {
  private AnnotationMirrors() {}

  /**
   * Finds the annotation of the given type directly present on {@code element}.
   *
   * @param element the annotated element
   * @param annotationName canonical name of the annotation type
   * @return the mirror, or empty when the element does not carry it
   */
  public static Optional<AnnotationMirror> find(Element element, String annotationName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /**
   * The value written explicitly for {@code attribute}, without defaults.
   *
   * @param mirror the annotation
   * @param attribute the attribute's name
   * @return the explicit value, or empty when the attribute takes its default
   */
  public static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The value of {@code attribute}, falling back to its declared default.
   *
   * @param elements element utilities
   * @param mirror the annotation
   * @param attribute the attribute's name
   * @return the value
   * @throws IllegalArgumentException when the annotation type has no such attribute
   */
  public static AnnotationValue value(Elements elements, AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException(
        mirror.getAnnotationType() + " has no attribute named " + attribute);
  }
}
