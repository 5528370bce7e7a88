package dev.patchbay.processor.base;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Writes types and signatures as the Java a person would type, for diagnostics and the
 * descriptions in generated code: simple type names ({@code Map.Entry<String, int[]>}),
 * primitives and arrays as written, and made-up parameter names where a rule lists types only.
 */
public final class SignatureFormatter {
  private SignatureFormatter() {}

  /**
   * A declared method or constructor as found, e.g. {@code static DatabaseBackend create(String
   * url)}; package-private members show no access keyword.
   */
  public static String found(ExecutableElement method) {
    StringBuilder out = new StringBuilder();
    for (Modifier m : List.of(Modifier.PUBLIC, Modifier.PROTECTED, Modifier.PRIVATE,
        Modifier.STATIC)) {
      if (method.getModifiers().contains(m)) {
        out.append(m.toString()).append(' ');
      }
    }
    if (method.getKind() == ElementKind.CONSTRUCTOR) {
      out.append(method.getEnclosingElement().getSimpleName());
    } else {
      out.append(type(method.getReturnType())).append(' ').append(method.getSimpleName());
    }
    out.append('(');
    List<String> parameters = new ArrayList<>();
    List<? extends VariableElement> declared = method.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      String typeText = type(declared.get(i).asType());
      if (method.isVarArgs() && i == declared.size() - 1 && typeText.endsWith("[]")) {
        typeText = typeText.substring(0, typeText.length() - 2) + "...";
      }
      parameters.add(typeText + " " + declared.get(i).getSimpleName());
    }
    return out.append(String.join(", ", parameters)).append(')').toString();
  }

  /** Parameter types only, e.g. {@code (String, int[])}, for short mentions. */
  public static String parameterTypes(List<? extends TypeMirror> parameters) {
    return parameters.stream().map(SignatureFormatter::type)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /** Types with made-up parameter names, so the result reads as a declaration one can paste. */
  public static String namedParameters(List<? extends TypeMirror> parameters) {
    List<String> names = new ArrayList<>();
    for (TypeMirror parameter : parameters) {
      names.add(parameterName(parameter));
    }
    // Number repeated names (string1, string2) so the declaration stays valid Java.
    Map<String, Integer> counts = new HashMap<>();
    names.forEach(n -> counts.merge(n, 1, Integer::sum));
    Map<String, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      String name = names.get(i);
      if (counts.get(name) > 1) {
        name = name + seen.merge(name, 1, Integer::sum);
      }
      out.add(type(parameters.get(i)) + " " + name);
    }
    return String.join(", ", out);
  }

  private static String parameterName(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return "value";
    }
    if (type.getKind() == TypeKind.ARRAY) {
      // byte[] -> "bytes", String[] -> "strings", String[][] -> "stringArrays".
      TypeMirror component = ((ArrayType) type).getComponentType();
      if (component.getKind() == TypeKind.ARRAY) {
        TypeMirror element = component;
        while (element.getKind() == TypeKind.ARRAY) {
          element = ((ArrayType) element).getComponentType();
        }
        return elementName(element) + "Arrays";
      }
      return elementName(component) + "s";
    }
    if (type.getKind() == TypeKind.DECLARED) {
      String simple = ((DeclaredType) type).asElement().getSimpleName().toString();
      // An acronym reads best all lower case ("URL" -> "url", not "uRL").
      String name = simple.equals(simple.toUpperCase(Locale.ROOT))
          ? simple.toLowerCase(Locale.ROOT)
          : simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
      // A keyword ("Int" -> "int") would not compile; fall back to a plain name.
      return SourceVersion.isName(name) ? name : "arg";
    }
    return "arg";
  }

  private static String elementName(TypeMirror type) {
    return type.getKind().isPrimitive() ? type.toString() : parameterName(type);
  }

  /** A type as written in source with simple names, e.g. {@code Map.Entry<String, int[]>}. */
  public static String type(TypeMirror type) {
    return switch (type.getKind()) {
      case ARRAY -> type(((ArrayType) type).getComponentType()) + "[]";
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        String name = nestedName(declared.asElement());
        if (declared.getTypeArguments().isEmpty()) {
          yield name;
        }
        yield name + declared.getTypeArguments().stream().map(SignatureFormatter::type)
            .collect(Collectors.joining(", ", "<", ">"));
      }
      case TYPEVAR -> ((TypeVariable) type).asElement().getSimpleName().toString();
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          yield "? extends " + type(wildcard.getExtendsBound());
        }
        yield Optional.ofNullable(wildcard.getSuperBound())
            .map(b -> "? super " + type(b)).orElse("?");
      }
      // Primitives and void print as their keyword.
      default -> type.toString();
    };
  }

  /** {@code Outer.Inner} for nested types, the simple name otherwise. */
  public static String nestedName(Element element) {
    Element enclosing = element.getEnclosingElement();
    if (enclosing != null && (enclosing.getKind().isClass() || enclosing.getKind().isInterface())) {
      return nestedName(enclosing) + "." + element.getSimpleName();
    }
    return element.getSimpleName().toString();
  }

  /**
   * A method or constructor as declared: every modifier, the return type, the name and the
   * parameter types, e.g. {@code public Factory provider()}.
   *
   * @param method the method or constructor
   * @return its declaration without body or parameter names
   */
  public static String declaration(ExecutableElement method) {
    StringBuilder out = new StringBuilder();
    for (Modifier modifier : method.getModifiers()) {
      out.append(modifier).append(' ');
    }
    if (method.getKind() == ElementKind.CONSTRUCTOR) {
      out.append(method.getEnclosingElement().getSimpleName());
    } else {
      out.append(type(method.getReturnType())).append(' ').append(method.getSimpleName());
    }
    out.append('(');
    out.append(method.getParameters().stream()
        .map(p -> type(p.asType()))
        .collect(Collectors.joining(", ")));
    return out.append(')').toString();
  }
}
