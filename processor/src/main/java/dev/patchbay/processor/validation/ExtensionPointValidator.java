package dev.patchbay.processor.validation;

import dev.patchbay.processor.base.Identifiers;
import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.reading.AnnotationMirrors;
import dev.patchbay.processor.reading.Declarations;
import dev.patchbay.processor.reading.ExtensionPointReader;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks the shape of an {@code @ExtensionPoint} type and the name of its registry.
 *
 * <p>Builds reports only; it never prints and never touches the {@code Filer}.
 */
public final class ExtensionPointValidator {
  private final Elements elements;
  private final ExtensionPointReader reader;
  private final Predicate<String> ownEarlierOutput;

  /**
   * Creates a validator.
   *
   * @param elements element utilities
   * @param reader the model reader of the same compilation
   * @param ownEarlierOutput tells, by canonical name, whether a class is a registry that an earlier
   *     compilation into the same output generated (it is regenerated, so its name is no clash)
   */
  public ExtensionPointValidator(Elements elements, ExtensionPointReader reader,
      Predicate<String> ownEarlierOutput) {
    this.elements = elements;
    this.reader = reader;
    this.ownEarlierOutput = ownEarlierOutput;
  }

  /**
   * Validates one extension point compiled in this compilation.
   *
   * @param type the annotated type
   * @param claimedRegistries registry names already claimed by extension points validated before
   *     this one (qualified registry name to extension point); this call adds its own claim when
   *     the name is free
   * @return the report
   */
  public ValidationReport validate(TypeElement type, Map<String, String> claimedRegistries) {
    ValidationReport.Builder report = ValidationReport.builder();
    AnnotationMirror mirror = AnnotationMirrors.find(type, TypeNames.EXTENSION_POINT).orElseThrow();
    String name = type.getQualifiedName().toString();

    Optional<String> wrongKind = wrongKind(type);
    if (wrongKind.isPresent()) {
      // The other rules make no sense for an enum or a concrete class.
      return report
          .error(Message.EXTENSION_POINT_WRONG_KIND.format(name, wrongKind.get()), type, mirror)
          .build();
    }
    Declarations.firstNonPublic(type).ifPresent(nonPublic -> report.error(
        Message.EXTENSION_POINT_NOT_PUBLIC.format(name, nonPublic.getQualifiedName()),
        nonPublic, nonPublic == type ? mirror : null));
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      report.error(Message.EXTENSION_POINT_INNER_CLASS.format(name), type, mirror);
    }
    validateRegistryName(type, mirror, claimedRegistries, report);
    return report.build();
  }

  /**
   * Validates an extension point from the class path that a plugin of this compilation joins.
   * It was compiled elsewhere, possibly without the processor, so names this compilation reads
   * from it are checked before anything is built from them.
   *
   * @param point the extension point, from a class file
   * @param plugin the joining plugin, where an error is anchored
   * @return the report
   */
  public ValidationReport validateForeign(TypeElement point, TypeElement plugin) {
    ValidationReport.Builder report = ValidationReport.builder();
    String simpleName = reader.registrySimpleName(point);
    if (!SourceVersion.isIdentifier(simpleName) || SourceVersion.isKeyword(simpleName)) {
      report.error(
          Message.FOREIGN_EXTENSION_POINT_INVALID_REGISTRY.format(
              plugin.getQualifiedName(),
              point.getQualifiedName(),
              simpleName,
              point.getQualifiedName()),
          plugin,
          AnnotationMirrors.find(plugin, TypeNames.PLUGIN).orElse(null));
    }
    return report.build();
  }

  private void validateRegistryName(TypeElement type, AnnotationMirror mirror,
      Map<String, String> claimedRegistries, ValidationReport.Builder report) {
    String name = type.getQualifiedName().toString();
    Optional<AnnotationValue> explicit = AnnotationMirrors.explicitValue(mirror, "registry")
        .filter(v -> !((String) v.getValue()).isEmpty());
    String simpleName = reader.registrySimpleName(type);
    if (!SourceVersion.isIdentifier(simpleName) || SourceVersion.isKeyword(simpleName)) {
      String suggestion =
          Identifiers.toIdentifier(simpleName, type.getSimpleName() + TypeNames.REGISTRY_SUFFIX);
      report.error(
          Message.EXTENSION_POINT_REGISTRY_NOT_IDENTIFIER.format(simpleName, name, suggestion),
          type,
          mirror,
          explicit.orElse(null));
      return;
    }
    String pkg = Declarations.packageOf(elements, type);
    String registry = pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
    String owner = claimedRegistries.get(registry);
    if (owner == null) {
      // Our own earlier output is not looked up at all: the Eclipse compiler would then refuse
      // to generate it again.
      TypeElement existing =
          ownEarlierOutput.test(registry) ? null : elements.getTypeElement(registry);
      if (existing != null && !generatedByPatchbay(existing)) {
        owner = existing.getQualifiedName().equals(type.getQualifiedName())
            ? "the extension point itself" : "the existing type " + existing.getQualifiedName();
      }
    } else {
      owner = "the registry of extension point " + owner;
    }
    if (owner != null) {
      String suggestion =
          type.getSimpleName() + (simpleName.endsWith("Plugins") ? "PluginRegistry" : "Plugins");
      report.error(Message.EXTENSION_POINT_REGISTRY_CLASH.format(name, registry, owner, suggestion),
          type, mirror, explicit.orElse(null));
      return;
    }
    claimedRegistries.put(registry, name);
  }

  /** Says what kind of type it is when that kind cannot be an extension point. */
  private static Optional<String> wrongKind(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> Optional.empty();
      case CLASS -> type.getModifiers().contains(Modifier.ABSTRACT)
          ? Optional.empty() : Optional.of("a class that is not abstract");
      case ENUM -> Optional.of("an enum");
      case ANNOTATION_TYPE -> Optional.of("an annotation type");
      case RECORD -> Optional.of("a record");
      default -> Optional.of("a " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT));
    };
  }

  /** A registry left over from an earlier compilation (e.g. on the source path) is no clash. */
  private static boolean generatedByPatchbay(TypeElement existing) {
    return AnnotationMirrors.find(existing, TypeNames.GENERATED)
        .flatMap(m -> AnnotationMirrors.explicitValue(m, "value"))
        .map(v -> v.toString().contains(TypeNames.GENERATOR))
        .orElse(false);
  }
}
