package dev.patchbay.processor.validation;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One message a validator wants printed, anchored as narrowly as it knows.
 *
 * @param kind error, warning or note
 * @param message the full text
 * @param element the element the message points at
 * @param annotation the annotation on {@code element} at fault, or null
 * @param value the attribute value of {@code annotation} at fault, or null
 */
public record Diagnostic(
    Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {

  /**
   * The annotation at fault, if any.
   *
   * @return the mirror, or empty
   */
  public Optional<AnnotationMirror> annotationMirror() {
    return Optional.ofNullable(annotation);
  }
}
