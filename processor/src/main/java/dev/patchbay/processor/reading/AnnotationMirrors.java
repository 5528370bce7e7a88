package dev.patchbay.processor.reading;

import dev.patchbay.processor.base.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads annotations as mirrors, by name (see {@link TypeNames}), so annotations stored in class
 * files of other jars (CLASS retention) read exactly like those in sources, and diagnostics can
 * point at the exact annotation and attribute value.
 */
public final class AnnotationMirrors {
  private AnnotationMirrors() {}

  /**
   * The qualified name of an annotation's type.
   *
   * @param mirror an annotation
   * @return its type's qualified name; for a type that does not resolve, the name as written
   */
  public static String typeName(AnnotationMirror mirror) {
    DeclaredType type = mirror.getAnnotationType();
    return type.asElement() instanceof TypeElement element
        ? element.getQualifiedName().toString()
        : type.toString();
  }

  /**
   * Finds the annotation of the given type directly present on {@code element}.
   *
   * @param element the annotated element
   * @param annotationName canonical name of the annotation type
   * @return the mirror, or empty when the element does not carry it
   */
  public static Optional<AnnotationMirror> find(Element element, String annotationName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (typeName(mirror).equals(annotationName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code element} carries the annotation directly.
   *
   * @param element the annotated element
   * @param annotationName canonical name of the annotation type
   * @return true when it does
   */
  public static boolean has(Element element, String annotationName) {
    return find(element, annotationName).isPresent();
  }

  /**
   * Every instance of a repeatable annotation on {@code element}, whether written once (stored
   * directly) or several times (stored in its container), in the order they are stored.
   *
   * @param element the annotated element
   * @param single canonical name of the repeatable annotation
   * @param container canonical name of its container
   * @return the mirrors
   */
  public static List<AnnotationMirror> repeated(
      Element element, String single, String container) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = typeName(mirror);
      if (name.equals(single)) {
        result.add(mirror);
      } else if (name.equals(container)) {
        for (AnnotationValue item : list(value(mirror, "value").orElse(null))) {
          if (item.getValue() instanceof AnnotationMirror repeated) {
            result.add(repeated);
          }
        }
      }
    }
    return result;
  }

  /**
   * The value the annotation explicitly gives {@code attribute}, without defaults.
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
   * The value of {@code attribute}, explicit or else its declared default.
   *
   * @param mirror the annotation
   * @param attribute the attribute's name
   * @return the value, or empty when the annotation type has no such attribute (or no default)
   */
  public static Optional<AnnotationValue> value(AnnotationMirror mirror, String attribute) {
    Optional<AnnotationValue> explicit = explicitValue(mirror, attribute);
    if (explicit.isPresent()) {
      return explicit;
    }
    for (ExecutableElement member
        : ElementFilter.methodsIn(mirror.getAnnotationType().asElement().getEnclosedElements())) {
      if (member.getSimpleName().contentEquals(attribute) && member.getDefaultValue() != null) {
        return Optional.of(member.getDefaultValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The items of an array-valued annotation value; a single value counts as one item.
   *
   * @param value an annotation value, or null
   * @return the items, empty for null
   */
  @SuppressWarnings("unchecked")
  public static List<AnnotationValue> list(AnnotationValue value) {
    if (value == null) {
      return List.of();
    }
    Object raw = value.getValue();
    if (raw instanceof List<?>) {
      return (List<AnnotationValue>) raw;
    }
    return List.of(value);
  }

  /**
   * The types of a {@code Class<?>} or {@code Class<?>[]} annotation value; items that do not
   * resolve (javac reads them as the string {@code "<error>"}) are left out.
   *
   * @param value an annotation value, or null
   * @return the types, in order
   */
  public static List<TypeMirror> classes(AnnotationValue value) {
    List<TypeMirror> result = new ArrayList<>();
    for (AnnotationValue item : list(value)) {
      if (item.getValue() instanceof TypeMirror type) {
        result.add(type);
      }
    }
    return result;
  }

  /**
   * Whether {@code type} is {@code RequireMethod.Any}.
   *
   * @param type a type from a class literal
   * @return true for {@code RequireMethod.Any}
   */
  public static boolean isAny(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
            .contentEquals(TypeNames.ANY);
  }

  /**
   * Whether {@code element} is annotated {@code @ExtensionPoint}.
   *
   * @param element any element
   * @return true for an extension point
   */
  public static boolean isExtensionPoint(Element element) {
    return has(element, TypeNames.EXTENSION_POINT);
  }

  /**
   * Whether {@code element} is a contract annotation type (annotated {@code @Contract}).
   *
   * @param element any element
   * @return true for a contract annotation type
   */
  public static boolean isContractAnnotation(Element element) {
    return has(element, TypeNames.CONTRACT);
  }
}
