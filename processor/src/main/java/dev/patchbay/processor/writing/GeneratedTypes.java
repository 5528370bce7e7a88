package dev.patchbay.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.patchbay.processor.base.TypeNames;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The names generated code refers to, and the {@code @Generated} annotation it carries.
 */
final class GeneratedTypes {
  static final ClassName PLUGIN_INFO = ClassName.get("dev.patchbay", "PluginInfo");
  static final ClassName REGISTRY = ClassName.get("dev.patchbay", "Registry");
  static final ClassName UNKNOWN_PLUGIN = ClassName.get("dev.patchbay", "UnknownPluginException");
  static final ClassName PLUGIN_INDEX = ClassName.bestGuess(TypeNames.PLUGIN_INDEX);
  static final ClassName PLUGIN_TABLES = ClassName.get("dev.patchbay.spi", "PluginTables");
  private static final ClassName GENERATED = ClassName.bestGuess(TypeNames.GENERATED);

  /**
   * Simple names that generated files may import (the types above and the {@code java.util} ones
   * the generators use): a plugin class is never written as plain text under one of them, nor
   * under the name of a {@code java.lang} class (see {@link PlainReferences}).
   */
  static final Set<String> IMPORTABLE_NAMES = Set.of("PluginInfo", "Registry",
      "UnknownPluginException", "PluginIndex", "PluginTables", "Generated", "ArrayList",
      "Collections", "List", "Objects", "Optional", "Set", "SortedSet");

  /** The classes behind {@link #IMPORTABLE_NAMES}, by simple name. */
  private static final java.util.Map<String, String> IMPORTABLE = java.util.Map.ofEntries(
      java.util.Map.entry("PluginInfo", PLUGIN_INFO.canonicalName()),
      java.util.Map.entry("Registry", REGISTRY.canonicalName()),
      java.util.Map.entry("UnknownPluginException", UNKNOWN_PLUGIN.canonicalName()),
      java.util.Map.entry("PluginIndex", PLUGIN_INDEX.canonicalName()),
      java.util.Map.entry("PluginTables", PLUGIN_TABLES.canonicalName()),
      java.util.Map.entry("Generated", GENERATED.canonicalName()),
      java.util.Map.entry("ArrayList", "java.util.ArrayList"),
      java.util.Map.entry("Collections", "java.util.Collections"),
      java.util.Map.entry("List", "java.util.List"),
      java.util.Map.entry("Objects", "java.util.Objects"),
      java.util.Map.entry("Optional", "java.util.Optional"),
      java.util.Map.entry("Set", "java.util.Set"),
      java.util.Map.entry("SortedSet", "java.util.SortedSet"));

  private GeneratedTypes() {}

  /**
   * The class generated code imports or sees under {@code simpleName}, if any: a
   * {@code java.lang} class or one of {@link #IMPORTABLE_NAMES}. A package whose first part has
   * such a name cannot be named in generated code (the name means the class, JLS 6.4.2).
   *
   * @param elements to look up {@code java.lang}
   * @param simpleName an identifier
   * @return the class's canonical name, or empty
   */
  static Optional<String> typeNamed(Elements elements, String simpleName) {
    if (IMPORTABLE.containsKey(simpleName)) {
      return Optional.of(IMPORTABLE.get(simpleName));
    }
    TypeElement javaLang = elements.getTypeElement("java.lang." + simpleName);
    return javaLang == null ? Optional.empty() : Optional.of(javaLang.getQualifiedName().toString());
  }

  /**
   * The file of a generated type. {@code java.lang} classes are imported explicitly (JavaPoet's
   * default): a single-type import shadows a class of the same package, so a user's class named
   * {@code String} or {@code Override} beside the generated one cannot change what it means.
   *
   * @param packageName the package, "" for the unnamed package
   * @param type the generated type
   * @return the file
   */
  static JavaFile javaFile(String packageName, TypeSpec type) {
    return JavaFile.builder(packageName, type).build();
  }

  /**
   * Makes JavaPoet import the classes {@code plan} imports. JavaPoet imports the first class it
   * meets under a simple name and qualifies the others; the class Javadoc comes before anything
   * else, so naming the classes there gives them their simple names, and a library type of the
   * same name is written qualified.
   *
   * @param type the generated type
   * @param plan the file's plan
   */
  static void importFirst(TypeSpec.Builder type, ImportPlan plan) {
    if (plan.imports().isEmpty()) {
      return;
    }
    type.addJavadoc("\n<p>Names $L by import: their qualified names would mean something else here.\n",
        plan.imports().values().stream().map(c -> CodeBlock.of("{@link $T}", c))
            .collect(CodeBlock.joining(", ")));
  }

  /**
   * In the unnamed package, a referenced class has no qualified name to fall back on: an import
   * of another class with its simple name (say {@code java.lang.Object} for a plugin named
   * {@code Object}) would hide it. Tells JavaPoet never to import under such names; it then
   * writes the other class qualified.
   *
   * @param type the generated type
   * @param packageName its package
   * @param referenced every class it refers to
   */
  static void qualifyAgainstUnnamedPackage(TypeSpec.Builder type, String packageName,
      Collection<ClassName> referenced) {
    if (!packageName.isEmpty()) {
      return;
    }
    Set<String> names = new TreeSet<>();
    for (ClassName c : referenced) {
      if (c.packageName().isEmpty()) {
        names.add(c.simpleNames().get(0));
      }
    }
    if (!names.isEmpty()) {
      type.alwaysQualify(names.toArray(String[]::new));
    }
  }

  /**
   * Adds {@code @Generated} where the compiled code can see it (see
   * {@link #generatedAnnotation}). In a named module javac then warns ({@code -Xlint:exports})
   * that the public class exposes a type of {@code java.compiler}, which the documented
   * {@code requires static java.compiler;} does not export transitively; the annotation has
   * source retention and exposes nothing, so the warning is suppressed. ECJ has no such check and
   * would instead flag the suppression as unnecessary, so it does not get one.
   *
   * @param type the generated type
   * @param elements element utilities of the running compiler
   * @param anyCompiledElement an element of the module being compiled, or null
   */
  static void addGenerated(TypeSpec.Builder type, Elements elements, Element anyCompiledElement) {
    Optional<AnnotationSpec> generated = generatedAnnotation(elements, anyCompiledElement);
    if (generated.isEmpty()) {
      return;
    }
    type.addAnnotation(generated.get());
    ModuleElement module = elements.getModuleOf(anyCompiledElement);
    boolean eclipse = elements.getClass().getName().startsWith("org.eclipse.");
    if (module != null && !module.isUnnamed() && !eclipse) {
      type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "exports").build());
    }
  }

  /**
   * {@code @Generated}, when the code being compiled can see it: always in the unnamed module; in
   * a named module only when it reads {@code java.compiler} (a {@code requires static
   * java.compiler;} is enough, as the annotation has source retention). Adding it where it is
   * not visible would break the user's build, so it is left out there.
   */
  static Optional<AnnotationSpec> generatedAnnotation(Elements elements, Element anyCompiledElement) {
    ModuleElement module = anyCompiledElement == null ? null : elements.getModuleOf(anyCompiledElement);
    // Ask what the compiled module sees instead of reading its directives: getDirectives() makes
    // javac resolve the module's `provides` lines now, before this round's generated classes
    // exist, and "provides dev.patchbay.spi.PluginIndex with <generated index>" then fails.
    TypeElement generated = module == null || module.isUnnamed()
        ? elements.getTypeElement(GENERATED.canonicalName())
        : elements.getTypeElement(module, GENERATED.canonicalName());
    if (generated == null) {
      return Optional.empty();
    }
    return Optional.of(AnnotationSpec.builder(GENERATED).addMember("value", "$S", TypeNames.GENERATOR).build());
  }
}
