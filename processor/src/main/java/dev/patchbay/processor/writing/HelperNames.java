package dev.patchbay.processor.writing;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of the nested helper classes of a generated file ({@code Metadata},
 * {@code NameIndex}, {@code View}, {@code Chunk0}, {@code Table0}), chosen so that none hides a
 * type the file refers to.
 *
 * <p>A nested class named {@code Metadata} hides, inside the generated class, every other type
 * whose name starts with the identifier {@code Metadata}: a plugin {@code Metadata} of the unnamed
 * package, or any class of a package named {@code Metadata}. Such a reference cannot be written
 * at all, not even qualified; and a plugin {@code a.b.Metadata} could then not be imported, which
 * is the only way to name it when its package is hidden in turn. So the helper gets another name
 * instead: the usual one with underscores appended until it is free. The usual names stay for
 * every ordinary project.
 */
record HelperNames(String metadata, String nameIndex, String view, String chunkPrefix,
    String tablePrefix) {

  /** First identifiers of the names every generated file may write qualified. */
  private static final Set<String> ALWAYS_RESERVED = Set.of("java", "javax", "dev");

  /**
   * Picks names that none of {@code referenced} starts with or is called.
   *
   * @param referenced every class the generated file refers to
   * @return the helper names
   */
  static HelperNames avoiding(Collection<ClassName> referenced) {
    Set<String> reserved = new HashSet<>(ALWAYS_RESERVED);
    referenced.forEach(c -> {
      reserved.add(firstIdentifier(c));
      reserved.add(c.simpleNames().get(0));
    });
    return new HelperNames(free("Metadata", reserved, false), free("NameIndex", reserved, false),
        free("View", reserved, false), free("Chunk", reserved, true), free("Table", reserved, true));
  }

  /**
   * The identifier a reference to {@code type} starts with: its package's first part, or its
   * outermost simple name in the unnamed package.
   *
   * @param type a class
   * @return the first identifier of its canonical name
   */
  static String firstIdentifier(ClassName type) {
    String pkg = type.packageName();
    if (pkg.isEmpty()) {
      return type.simpleNames().get(0);
    }
    int dot = pkg.indexOf('.');
    return dot < 0 ? pkg : pkg.substring(0, dot);
  }

  /**
   * Adds every class named in {@code type} (raw type, type arguments, array component, bounds).
   *
   * @param type a type a generated file refers to
   * @param out where to add the classes
   */
  static void collectClasses(TypeName type, Collection<ClassName> out) {
    if (type instanceof ClassName c) {
      out.add(c);
    } else if (type instanceof ParameterizedTypeName p) {
      collectClasses(p.rawType(), out);
      p.typeArguments().forEach(a -> collectClasses(a, out));
    } else if (type instanceof ArrayTypeName a) {
      collectClasses(a.componentType(), out);
    } else if (type instanceof WildcardTypeName w) {
      w.upperBounds().forEach(b -> collectClasses(b, out));
      w.lowerBounds().forEach(b -> collectClasses(b, out));
    }
  }

  /** {@code base}, or {@code base_}, {@code base__}, ...: the first that nothing reserved matches. */
  private static String free(String base, Set<String> reserved, boolean numbered) {
    String name = base;
    while (numbered ? startsANumberedName(name, reserved) : reserved.contains(name)) {
      name += "_";
    }
    return name;
  }

  /** Whether some reserved identifier is {@code prefix} followed by digits only. */
  private static boolean startsANumberedName(String prefix, Set<String> reserved) {
    for (String name : reserved) {
      if (name.length() > prefix.length() && name.startsWith(prefix)
          && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
        return true;
      }
    }
    return false;
  }
}
