package dev.patchbay.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * The immutable result of validating one element: its diagnostics, and whether it may be used.
 *
 * <p>Validators build reports and never print; the step prints them and generates code only for
 * elements whose report {@link #isClean() is clean}.
 */
public final class ValidationReport {
  private final List<Diagnostic> diagnostics;

  private ValidationReport(List<Diagnostic> diagnostics) {
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Starts a report.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether nothing is wrong enough to stop generation (no errors; notes and warnings allowed).
   *
   * @return true when the element may be used
   */
  public boolean isClean() {
    return diagnostics.stream().noneMatch(d -> d.kind() == Kind.ERROR);
  }

  /**
   * The diagnostics, in the order they were found.
   *
   * @return an unmodifiable list
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * Prints every diagnostic, anchored on its element, annotation and value.
   *
   * @param messager where to print
   */
  public void printTo(Messager messager) {
    for (Diagnostic d : diagnostics) {
      if (d.value() != null) {
        messager.printMessage(d.kind(), d.message(), d.element(), d.annotation(), d.value());
      } else if (d.annotation() != null) {
        messager.printMessage(d.kind(), d.message(), d.element(), d.annotation());
      } else {
        messager.printMessage(d.kind(), d.message(), d.element());
      }
    }
  }

  /** Collects diagnostics for one report. */
  public static final class Builder {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an error on an element.
     *
     * @param message the full message
     * @param element where it points
     * @return this builder
     */
    public Builder error(String message, Element element) {
      return add(Kind.ERROR, message, element, null, null);
    }

    /**
     * Adds an error on an annotation of an element.
     *
     * @param message the full message
     * @param element the annotated element
     * @param annotation the annotation at fault, or null
     * @return this builder
     */
    public Builder error(String message, Element element, AnnotationMirror annotation) {
      return add(Kind.ERROR, message, element, annotation, null);
    }

    /**
     * Adds an error on one attribute value of an annotation.
     *
     * @param message the full message
     * @param element the annotated element
     * @param annotation the annotation
     * @param value the value at fault, or null
     * @return this builder
     */
    public Builder error(
        String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
      return add(Kind.ERROR, message, element, annotation, value);
    }

    /**
     * Adds a diagnostic of any kind.
     *
     * @param kind error, warning or note
     * @param message the full message
     * @param element where it points
     * @param annotation the annotation at fault, or null
     * @param value the value at fault, or null
     * @return this builder
     */
    public Builder add(
        Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
      diagnostics.add(new Diagnostic(kind, message, element, annotation, value));
      return this;
    }

    /**
     * Adds every diagnostic of another report.
     *
     * @param other a finished report
     * @return this builder
     */
    public Builder addAll(ValidationReport other) {
      diagnostics.addAll(other.diagnostics);
      return this;
    }

    /**
     * Freezes the report.
     *
     * @return the immutable report
     */
    public ValidationReport build() {
      return new ValidationReport(diagnostics);
    }
  }
}
