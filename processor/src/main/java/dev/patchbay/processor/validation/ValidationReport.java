package dev.patchbay.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * The immutable result of validating one element: its items, and whether it may be used.
 *
 * <p>Every validator of every step fills one of these. Validators build reports and never print;
 * the step prints them through a {@link ReportPrinter} and generates code only for elements whose
 * report {@link #isClean() is clean}.
 */
public final class ValidationReport {
  private final List<Item> items;

  private ValidationReport(List<Item> items) {
    this.items = List.copyOf(items);
  }

  /**
   * One message, anchored as narrowly as the validator knows: the element, the annotation on it at
   * fault, and the attribute value of that annotation at fault.
   *
   * @param kind error, warning or note
   * @param message the full text, formatted from a {@link Message}
   * @param element the element the message points at, or null for the compilation as a whole
   * @param annotation the annotation on {@code element} at fault, or null
   * @param value the attribute value of {@code annotation} at fault, or null
   */
  public record Item(
      Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {}

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
    return items.stream().noneMatch(item -> item.kind() == Kind.ERROR);
  }

  /**
   * The items, in the order they were found.
   *
   * @return an unmodifiable list
   */
  public List<Item> items() {
    return items;
  }

  /** Collects items for one report; validators hand out only the built, immutable report. */
  public static final class Builder {
    private final List<Item> items = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an error on an element.
     *
     * @param message the full message
     * @param element where it points, or null
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
     * Adds a warning on an element, or on an annotation of it.
     *
     * @param message the full message
     * @param element where it points, or null
     * @param annotation the annotation at fault, or null
     * @return this builder
     */
    public Builder warning(String message, Element element, AnnotationMirror annotation) {
      return add(Kind.WARNING, message, element, annotation, null);
    }

    /**
     * Adds a note on an element.
     *
     * @param message the full message
     * @param element where it points
     * @return this builder
     */
    public Builder note(String message, Element element) {
      return add(Kind.NOTE, message, element, null, null);
    }

    /**
     * Adds an item of any kind.
     *
     * @param kind error, warning or note
     * @param message the full message
     * @param element where it points, or null
     * @param annotation the annotation at fault, or null
     * @param value the value at fault, or null
     * @return this builder
     */
    public Builder add(
        Kind kind, String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
      items.add(new Item(kind, message, element, annotation, value));
      return this;
    }

    /**
     * Adds every item of another report.
     *
     * @param other a finished report
     * @return this builder
     */
    public Builder addAll(ValidationReport other) {
      items.addAll(other.items);
      return this;
    }

    /**
     * Freezes the report.
     *
     * @return the immutable report
     */
    public ValidationReport build() {
      return new ValidationReport(items);
    }
  }
}
