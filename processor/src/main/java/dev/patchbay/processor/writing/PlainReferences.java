package dev.patchbay.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.util.Elements;

/**
 * Writes class references for the bulk of a registry (a {@code case} per plugin name) as plain
 * text instead of through JavaPoet's {@code $T}.
 *
 * <p>Why: a registry of thousands of plugins is mostly one {@code return new C();} per plugin.
 * Formatting each through {@code $T} makes JavaPoet resolve and import thousands of names, and
 * emit them twice (once to collect imports); in javac's single cold run that was the largest
 * part of the processor's time (see {@code docs/benchmarks.md}, compile cost). Plain text costs
 * a string copy per plugin.
 *
 * <p>A class of the registry's own package is written by its simple name, any other by its
 * canonical name, which needs no import. Either form would silently mean something else if its
 * first identifier were also the name of a variable, a nested type or an imported type visible
 * in the generated code, or of a class in the registry's package or in {@code java.lang} (JLS
 * 6.4.2, obscuring); for such a class {@link #reference} answers {@code null} and the caller
 * falls back to {@code $T}, which imports or qualifies as needed.
 */
final class PlainReferences {
  private final Elements elements;
  private final String packageName;
  private final Set<String> visible;
  private final Set<String> samePackageNames = new TreeSet<>();
  /** Answers per first identifier of a canonical name; a registry's plugins share a few. */
  private final Map<String, Boolean> safeFirstNames = new HashMap<>();

  /**
   * Creates the references of one generated registry.
   *
   * @param elements to find classes of the registry's package
   * @param packageName the registry's package ("" for the unnamed package)
   * @param visible simple names visible in the generated code: its nested types, the types it
   *     imports, its variables and parameters
   */
  PlainReferences(Elements elements, String packageName, Set<String> visible) {
    this.elements = elements;
    this.packageName = packageName;
    this.visible = new HashSet<>(visible);
  }

  /**
   * The source text naming {@code type}, or {@code null} when only {@code $T} is safe.
   *
   * @param type a class to refer to from the registry
   * @return its simple (same package) or canonical name, or null
   */
  String reference(ClassName type) {
    if (type.packageName().equals(packageName)) {
      String outermost = type.simpleNames().get(0);
      // Generated files import the java.lang classes they use, which would hide this one.
      if (visible.contains(outermost) || elements.getTypeElement("java.lang." + outermost) != null) {
        return null;
      }
      samePackageNames.add(outermost);
      return String.join(".", type.simpleNames());
    }
    if (type.packageName().isEmpty()) {
      // A class of the unnamed package cannot be named from a named one; validation keeps such
      // plugins out, and $T at least fails loudly.
      return null;
    }
    String canonical = type.canonicalName();
    String first = canonical.substring(0, canonical.indexOf('.'));
    return safeFirstNames.computeIfAbsent(first, this::namesOnlyAPackage) ? canonical : null;
  }

  /**
   * The simple names written for classes of the registry's own package. JavaPoet never saw them,
   * so the generated type must tell it not to import another class under one of these names
   * ({@code TypeSpec.Builder.alwaysQualify}), which would shadow them.
   *
   * @return the names, sorted
   */
  Set<String> samePackageNames() {
    return samePackageNames;
  }

  /** Whether {@code first} reads as a package: no variable or type in scope has that name. */
  private boolean namesOnlyAPackage(String first) {
    String own = packageName.isEmpty() ? first : packageName + "." + first;
    return !visible.contains(first) && elements.getTypeElement(own) == null
        && elements.getTypeElement("java.lang." + first) == null;
  }

  /**
   * A Java string literal of {@code value}, escaped as JavaPoet's {@code $S} escapes a string
   * without line breaks; a line break becomes {@code \n} in the one literal.
   *
   * @param value any string
   * @return the literal, with its double quotes
   */
  static String stringLiteral(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    appendEscaped(out, value);
    return out.append('"').toString();
  }

  /**
   * The outermost simple names of the classes in {@code type} (its raw class, its type
   * arguments, its array component), which the generated code then imports or names.
   *
   * @param type a parameter type of a generated method
   * @return simple names, possibly none (primitives)
   */
  static Set<String> simpleNamesIn(TypeName type) {
    Set<String> names = new HashSet<>();
    collectSimpleNames(type, names);
    return names;
  }

  private static void collectSimpleNames(TypeName type, Set<String> out) {
    if (type instanceof ClassName c) {
      out.add(c.simpleNames().get(0));
    } else if (type instanceof ParameterizedTypeName p) {
      collectSimpleNames(p.rawType(), out);
      p.typeArguments().forEach(a -> collectSimpleNames(a, out));
    } else if (type instanceof ArrayTypeName a) {
      collectSimpleNames(a.componentType(), out);
    } else if (type instanceof WildcardTypeName w) {
      w.upperBounds().forEach(b -> collectSimpleNames(b, out));
      w.lowerBounds().forEach(b -> collectSimpleNames(b, out));
    }
  }

  /** Appends {@code value} as the inside of a string literal. */
  static void appendEscaped(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
