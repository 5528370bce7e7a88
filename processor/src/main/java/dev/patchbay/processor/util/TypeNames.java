package dev.patchbay.processor.util;

import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Prints types and signatures the way a person would write them in Java source, with simple
 * names ({@code Map<String, List<Integer>>}), for diagnostics.
 */
public final class TypeNames {
  private TypeNames() {}

  /**
   * Writes {@code type} as Java source with simple class names.
   *
   * @param type any type
   * @return e.g. {@code "List<String>"}, {@code "int[]"}, {@code "? extends Number"}
   */
  public static String toJava(TypeMirror type) {
    return switch (type.getKind()) {
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        String name = simpleNesting(declared.asElement());
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        yield arguments.isEmpty() ? name : name + "<" + toJava(arguments) + ">";
      }
      case ARRAY -> toJava(((ArrayType) type).getComponentType()) + "[]";
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          yield "? extends " + toJava(wildcard.getExtendsBound());
        }
        yield wildcard.getSuperBound() != null ? "? super " + toJava(wildcard.getSuperBound()) : "?";
      }
      // Primitives, type variables, void and error types print as written.
      default -> type.toString();
    };
  }

  /**
   * Writes a comma-separated list of types, as in a parameter list.
   *
   * @param types the types
   * @return e.g. {@code "String, int"}
   */
  public static String toJava(List<? extends TypeMirror> types) {
    return types.stream().map(TypeNames::toJava).collect(Collectors.joining(", "));
  }

  /**
   * Writes a method or constructor signature as Java: modifiers, return type, name, parameters.
   *
   * @param method the method or constructor
   * @return e.g. {@code "public static Exporter provider()"}
   */
  public static String signature(ExecutableElement method) {
    StringBuilder out = new StringBuilder();
    for (Modifier modifier : method.getModifiers()) {
      out.append(modifier).append(' ');
    }
    boolean constructor = method.getSimpleName().contentEquals("<init>");
    if (!constructor) {
      out.append(toJava(method.getReturnType())).append(' ').append(method.getSimpleName());
    } else {
      out.append(method.getEnclosingElement().getSimpleName());
    }
    out.append('(');
    out.append(method.getParameters().stream()
        .map(p -> toJava(p.asType()))
        .collect(Collectors.joining(", ")));
    return out.append(')').toString();
  }

  /** Simple name including enclosing classes: {@code Outer.Inner}. */
  private static String simpleNesting(Element element) {
    Element enclosing = element.getEnclosingElement();
    if (enclosing instanceof TypeElement) {
      return simpleNesting(enclosing) + "." + element.getSimpleName();
    }
    return element.getSimpleName().toString();
  }
}
