package dev.patchbay.processor.writing;

import com.palantir.javapoet.ClassName;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.util.Elements;

/**
 * How one generated file names the user classes it refers to, decided for all of them at once.
 *
 * <p>A class of another package is written by its qualified name, unless the first identifier
 * of that name is also a variable or a type the file sees (JLS 6.4.2, obscuring: {@code String}
 * in {@code String.View} means {@code java.lang.String}); then the class is imported. Every
 * import brings one more simple name into the file, which may in turn hide the package of
 * another class ({@code import String.View;} hides the package {@code View} of
 * {@code View.q.Generated}), so the decision is repeated until nothing changes. A class that must
 * be imported while its simple name already stands for something else cannot be named at all;
 * validation reports those before anything is generated.
 *
 * <p>The user's classes win their simple names over the library types generated code uses
 * ({@code Generated}, {@code List}, {@code java.lang} types): those are then written qualified,
 * which their first identifiers ({@code java}, {@code javax}, {@code dev}) always allow, as
 * nested helpers never take these names and a user class taking one is refused here.
 *
 * @param imports the classes to import, by simple name
 * @param unnameable classes that can be neither imported nor qualified, each with what hides its
 *     package and what takes its simple name
 */
public record ImportPlan(Map<String, ClassName> imports, Map<ClassName, Conflict> unnameable) {

  /**
   * Why a class cannot be named.
   *
   * @param root the first identifier of its qualified name
   * @param hiding what that identifier means in the file instead
   * @param taken what the class's simple name means in the file instead
   */
  public record Conflict(String root, String hiding, String taken) {}

  /** Variables and fields of generated files: a package named like one of them is hidden. */
  static final Set<String> VARIABLES = Set.of("PLUGINS", "NAMES", "ALL_NAMES", "INSTANCE",
      "EXTENSION_POINTS", "plugins", "plugin", "all", "name", "arguments", "out", "extensionPoint");

  /** First identifiers of the library types, which are written qualified when they yield. */
  private static final Set<String> LIBRARY_ROOTS = Set.of("java", "javax", "dev");

  /**
   * Plans the names of one generated file.
   *
   * @param elements to find classes of the file's package and of {@code java.lang}
   * @param file the generated class
   * @param variables further variable names of the file (constructor parameters)
   * @param classes every user class the file refers to
   * @param inExpressions those of {@code classes} the file also names in an expression
   *     ({@code C.provider()}), where a variable hides a package too; elsewhere a class name is
   *     in a type context ({@code new C()}), which variables do not obscure (JLS 6.5.4)
   * @return the plan
   */
  public static ImportPlan of(Elements elements, ClassName file, Set<String> variables,
      Collection<ClassName> classes, Set<ClassName> inExpressions) {
    String packageName = file.packageName();
    // Keyed by canonical name: a ClassName's equals and hashCode render it as code first.
    Map<String, ClassName> byName = new TreeMap<>();
    for (ClassName type : classes) {
      byName.putIfAbsent(type.canonicalName(), type);
    }
    List<ClassName> sorted = List.copyOf(byName.values());
    Map<String, ClassName> imports = new TreeMap<>();
    Map<String, Optional<String>> typesCache = new TreeMap<>();
    // Classes of the file's own package keep their simple names (JavaPoet never imports over
    // one it has written simple), so no import can take those.
    Map<String, ClassName> local = new TreeMap<>();
    for (ClassName type : sorted) {
      if (type.packageName().equals(packageName) && !same(type.topLevelClassName(), file)) {
        local.putIfAbsent(type.topLevelClassName().simpleName(), type.topLevelClassName());
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (ClassName type : sorted) {
        ClassName outer = type.topLevelClassName();
        String simple = outer.simpleName();
        if (same(outer, imports.get(simple)) || same(outer, file)) {
          continue;
        }
        if (nameable(elements, file, vars(variables, inExpressions, type), imports, typesCache,
            type)) {
          continue;
        }
        boolean importable = !type.packageName().isEmpty() || packageName.isEmpty();
        if (importable && !type.packageName().equals(packageName) && !imports.containsKey(simple)
            && !local.containsKey(simple)
            && !simple.equals(file.simpleName()) && !LIBRARY_ROOTS.contains(simple)) {
          imports.put(simple, outer);
          changed = true;
        }
      }
    }
    Map<ClassName, Conflict> unnameable = new LinkedHashMap<>();
    for (ClassName type : sorted) {
      ClassName outer = type.topLevelClassName();
      if (same(outer, imports.get(outer.simpleName())) || same(outer, file)
          || (type.packageName().isEmpty() && !packageName.isEmpty())
          || nameable(elements, file, vars(variables, inExpressions, type), imports, typesCache,
              type)) {
        continue;
      }
      String root = HelperNames.firstIdentifier(type);
      String hiding = meaning(elements, file, vars(variables, inExpressions, type), imports,
          typesCache, root)
          .orElse(root);
      String simple = outer.simpleName();
      String taken = imports.containsKey(simple) ? imports.get(simple).canonicalName()
          : local.containsKey(simple) ? local.get(simple).canonicalName()
          : simple.equals(file.simpleName()) ? file.canonicalName()
          : LIBRARY_ROOTS.contains(simple) ? "the package " + simple + " of library types"
          : meaning(elements, file, Set.of(), imports, typesCache, simple).orElse(simple);
      unnameable.put(type, new Conflict(root, hiding, taken));
    }
    return new ImportPlan(imports, unnameable);
  }

  /** Whether two classes are one, by canonical name (a ClassName compares its rendered code). */
  private static boolean same(ClassName a, ClassName b) {
    return b != null && a.canonicalName().equals(b.canonicalName());
  }

  /** The variables that can hide the package of {@code type}: none in a type context. */
  private static Set<String> vars(Set<String> variables, Set<ClassName> inExpressions,
      ClassName type) {
    if (!inExpressions.contains(type)) {
      return Set.of();
    }
    Set<String> all = new TreeSet<>(VARIABLES);
    all.addAll(variables);
    return all;
  }

  /** The simple names the plan imports: hidden from plain-text references. */
  public Set<String> importedNames() {
    return new TreeSet<>(imports.keySet());
  }

  /**
   * Whether {@code type} can be written without a new import: by its simple name in its own
   * package while no import takes that name, or qualified while its first identifier means
   * only a package.
   */
  private static boolean nameable(Elements elements, ClassName file, Set<String> variables,
      Map<String, ClassName> imports, Map<String, Optional<String>> cache, ClassName type) {
    String simple = type.topLevelClassName().simpleName();
    if (type.packageName().equals(file.packageName()) && !imports.containsKey(simple)) {
      return true;
    }
    if (type.packageName().isEmpty()) {
      return false;
    }
    return meaning(elements, file, variables, imports, cache, HelperNames.firstIdentifier(type))
        .isEmpty();
  }

  /**
   * What {@code identifier} means in the file other than a package: a variable, the file's own
   * class, an imported class, a class of the file's package, a library type the file imports or
   * a {@code java.lang} class.
   */
  private static Optional<String> meaning(Elements elements, ClassName file, Set<String> variables,
      Map<String, ClassName> imports, Map<String, Optional<String>> cache, String identifier) {
    if (variables.contains(identifier)) {
      return Optional.of("the variable " + identifier + " of the generated code");
    }
    if (identifier.equals(file.simpleName())) {
      return Optional.of(file.canonicalName());
    }
    if (imports.containsKey(identifier)) {
      return Optional.of(imports.get(identifier).canonicalName());
    }
    return cache.computeIfAbsent(identifier, id -> {
      String pkg = file.packageName();
      if (elements.getTypeElement(pkg.isEmpty() ? id : pkg + "." + id) != null) {
        return Optional.of(pkg.isEmpty() ? id : pkg + "." + id);
      }
      return GeneratedTypes.typeNamed(elements, id);
    });
  }
}
