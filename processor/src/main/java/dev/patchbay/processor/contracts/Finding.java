package dev.patchbay.processor.contracts;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * One diagnostic a validator wants printed, anchored as narrowly as it could be.
 *
 * @param kind error, warning or note
 * @param message the complete message text
 * @param element the element to anchor on
 * @param annotation the annotation on {@code element} to anchor on, or null
 * @param value the annotation value to anchor on, or null
 */
record Finding(
    Diagnostic.Kind kind,
    String message,
    Element element,
    AnnotationMirror annotation,
    AnnotationValue value) {

  static Finding error(String message, Element element) {
    return new Finding(Diagnostic.Kind.ERROR, message, element, null, null);
  }

  static Finding warning(String message, Element element) {
    return new Finding(Diagnostic.Kind.WARNING, message, element, null, null);
  }

  static Finding note(String message, Element element) {
    return new Finding(Diagnostic.Kind.NOTE, message, element, null, null);
  }

  static Finding error(String message, Element element, AnnotationMirror annotation) {
    return new Finding(Diagnostic.Kind.ERROR, message, element, annotation, null);
  }

  static Finding error(
      String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    return new Finding(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }
}
