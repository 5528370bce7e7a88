package dev.patchbay.processor.contracts;

import dev.patchbay.Contract;
import dev.patchbay.ExtensionPoint;
import dev.patchbay.MustOverride;
import dev.patchbay.Plugin;
import dev.patchbay.RequireConstructor;
import dev.patchbay.RequireMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads Patchbay's annotations as mirrors, by name, so annotations stored in class files of other
 * jars (CLASS retention) read exactly like those in sources.
 */
final class Mirrors {
  static final String EXTENSION_POINT = ExtensionPoint.class.getCanonicalName();
  static final String PLUGIN = Plugin.class.getCanonicalName();
  static final String CONTRACT = Contract.class.getCanonicalName();
  static final String MUST_OVERRIDE = MustOverride.class.getCanonicalName();
  static final String REQUIRE_METHOD = RequireMethod.class.getCanonicalName();
  static final String REQUIRE_METHOD_LIST = RequireMethod.List.class.getCanonicalName();
  static final String REQUIRE_CONSTRUCTOR = RequireConstructor.class.getCanonicalName();
  static final String REQUIRE_CONSTRUCTOR_LIST = RequireConstructor.List.class.getCanonicalName();
  static final String ANY = RequireMethod.Any.class.getCanonicalName();

  private Mirrors() {}

  /** Qualified name of the annotation's type. */
  static String typeName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static Optional<AnnotationMirror> find(Element element, String annotationName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (typeName(mirror).equals(annotationName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean has(Element element, String annotationName) {
    return find(element, annotationName).isPresent();
  }

  /**
   * Every instance of a repeatable annotation on {@code element}, whether written once (stored
   * directly) or several times (stored in its container).
   */
  static List<AnnotationMirror> repeated(Element element, String single, String container) {
    List<AnnotationMirror> result = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = typeName(mirror);
      if (name.equals(single)) {
        result.add(mirror);
      } else if (name.equals(container)) {
        for (AnnotationValue item : list(value(mirror, "value").orElse(null))) {
          result.add((AnnotationMirror) item.getValue());
        }
      }
    }
    return result;
  }

  /** The value the annotation explicitly gives {@code name}, if it gives one. */
  static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The value of {@code name}, explicit or default. */
  static Optional<AnnotationValue> value(AnnotationMirror mirror, String name) {
    Optional<AnnotationValue> explicit = explicitValue(mirror, name);
    if (explicit.isPresent()) {
      return explicit;
    }
    for (ExecutableElement member : ((TypeElement) mirror.getAnnotationType().asElement())
        .getEnclosedElements().stream()
        .filter(ExecutableElement.class::isInstance).map(ExecutableElement.class::cast).toList()) {
      if (member.getSimpleName().contentEquals(name) && member.getDefaultValue() != null) {
        return Optional.of(member.getDefaultValue());
      }
    }
    return Optional.empty();
  }

  /** The elements of an array-valued annotation value; a single value counts as one element. */
  @SuppressWarnings("unchecked")
  static List<AnnotationValue> list(AnnotationValue value) {
    if (value == null) {
      return List.of();
    }
    Object raw = value.getValue();
    if (raw instanceof List<?>) {
      return (List<AnnotationValue>) raw;
    }
    return List.of(value);
  }

  static boolean isExtensionPoint(Element element) {
    return has(element, EXTENSION_POINT);
  }

  static boolean isContractAnnotation(Element element) {
    return has(element, CONTRACT);
  }
}
