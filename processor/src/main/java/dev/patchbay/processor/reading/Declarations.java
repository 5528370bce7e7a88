package dev.patchbay.processor.reading;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Facts about declarations that readers and validators of both annotations ask. */
public final class Declarations {
  private Declarations() {}

  /**
   * Whether {@code type} and every class enclosing it are public.
   *
   * @param type a class or interface
   * @return the first element that is not public (the type itself or an enclosing class)
   */
  public static Optional<TypeElement> firstNonPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * The package a generated class for {@code type} goes into.
   *
   * @param elements element utilities
   * @param type any type
   * @return its package's qualified name, empty for the unnamed package
   */
  public static String packageOf(Elements elements, TypeElement type) {
    PackageElement pkg = elements.getPackageOf(type);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }
}
