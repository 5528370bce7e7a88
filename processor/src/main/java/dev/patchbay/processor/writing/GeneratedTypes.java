package dev.patchbay.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The names generated code refers to, and the {@code @Generated} annotation it carries.
 */
final class GeneratedTypes {
  static final String GENERATOR = "dev.patchbay.processor.PatchbayProcessor";
  static final ClassName PLUGIN_INFO = ClassName.get("dev.patchbay", "PluginInfo");
  static final ClassName REGISTRY = ClassName.get("dev.patchbay", "Registry");
  static final ClassName UNKNOWN_PLUGIN = ClassName.get("dev.patchbay", "UnknownPluginException");
  static final ClassName PLUGIN_INDEX = ClassName.get("dev.patchbay.spi", "PluginIndex");
  static final ClassName PLUGIN_TABLES = ClassName.get("dev.patchbay.spi", "PluginTables");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  /**
   * Simple names that generated files may import (the types above and the {@code java.util} ones
   * the generators use): a plugin class is never written as plain text under one of them.
   */
  static final Set<String> IMPORTABLE_NAMES = Set.of("PluginInfo", "Registry",
      "UnknownPluginException", "PluginIndex", "PluginTables", "Generated", "ArrayList",
      "Collections", "List", "Objects", "Optional", "Set", "SortedSet");

  private GeneratedTypes() {}

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
    return Optional.of(AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build());
  }
}
