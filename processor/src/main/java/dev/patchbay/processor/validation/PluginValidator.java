package dev.patchbay.processor.validation;

import static dev.patchbay.processor.validation.Messages.format;

import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.reading.ModelReader;
import dev.patchbay.processor.util.AnnotationMirrors;
import dev.patchbay.processor.util.Names;
import dev.patchbay.processor.util.TypeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the shape of one {@code @Plugin} class: kind, access, nesting, how it is created, and
 * its names. Uniqueness across plugins is {@link NameClashValidator}'s job.
 *
 * <p>Builds reports only; it never prints and never touches the {@code Filer}.
 */
public final class PluginValidator {
  private final Elements elements;
  private final Types types;
  private final ModelReader reader;

  /**
   * Creates a validator.
   *
   * @param elements element utilities
   * @param types type utilities
   * @param reader the model reader of the same compilation
   */
  public PluginValidator(Elements elements, Types types, ModelReader reader) {
    this.elements = elements;
    this.types = types;
    this.reader = reader;
  }

  /**
   * Validates one plugin class.
   *
   * @param plugin the annotated class
   * @param extensionPoints the valid extension points it joins (see {@link ModelReader#extensionPointsOf})
   * @param joinsBrokenPoint whether it also joins an extension point that failed its own checks
   *     (then "implements no extension point" would be misleading, and is not reported)
   * @return the report
   */
  public ValidationReport validate(
      TypeElement plugin, List<ExtensionPointModel> extensionPoints, boolean joinsBrokenPoint) {
    ValidationReport.Builder report = ValidationReport.builder();
    AnnotationMirror mirror = AnnotationMirrors.find(plugin, ModelReader.PLUGIN).orElseThrow();
    String name = plugin.getQualifiedName().toString();

    if (!ModelReader.isClassLike(plugin)) {
      String kind = switch (plugin.getKind()) {
        case INTERFACE -> "an interface";
        case ENUM -> "an enum";
        case ANNOTATION_TYPE -> "an annotation type";
        default -> "a " + plugin.getKind().toString().toLowerCase(java.util.Locale.ROOT);
      };
      return report.error(format(Messages.PLUGIN_WRONG_KIND, name, kind), plugin, mirror).build();
    }
    boolean isAbstract = plugin.getModifiers().contains(Modifier.ABSTRACT);
    if (isAbstract) {
      report.error(format(Messages.PLUGIN_ABSTRACT, name), plugin, mirror);
    }
    if (plugin.getNestingKind() == NestingKind.MEMBER && !plugin.getModifiers().contains(Modifier.STATIC)) {
      report.error(format(Messages.PLUGIN_INNER_CLASS, name), plugin, mirror);
    }
    reader.firstNonPublic(plugin).ifPresent(nonPublic -> report.error(
        format(Messages.PLUGIN_NOT_PUBLIC, name, nonPublic.getQualifiedName()),
        nonPublic, nonPublic == plugin ? mirror : null));
    if (extensionPoints.isEmpty() && !joinsBrokenPoint) {
      report.error(format(Messages.PLUGIN_NO_EXTENSION_POINT, name, supertypes(plugin),
          plugin.getSimpleName()), plugin, mirror);
    }
    validateNames(plugin, mirror, report);
    if (!isAbstract) {
      validateFactory(plugin, mirror, extensionPoints, report);
    }
    return report.build();
  }

  private void validateNames(TypeElement plugin, AnnotationMirror mirror, ValidationReport.Builder report) {
    String className = plugin.getQualifiedName().toString();
    Set<String> seen = new HashSet<>();
    Optional<AnnotationValue> value = AnnotationMirrors.explicitValue(mirror, "value");
    String primary = value.map(v -> (String) v.getValue()).filter(v -> !v.isEmpty())
        .orElse(plugin.getSimpleName().toString());
    // An empty value() means "the simple name"; only whitespace-only text is blank.
    checkName("name", primary, className, plugin, mirror, value.orElse(null), report);
    seen.add(primary);
    Optional<AnnotationValue> aliases = AnnotationMirrors.explicitValue(mirror, "aliases");
    if (aliases.isEmpty()) {
      return;
    }
    for (AnnotationValue alias : elementsOf(aliases.get())) {
      String text = (String) alias.getValue();
      if (!checkName("alias", text, className, plugin, mirror, alias, report)) {
        continue;
      }
      if (!seen.add(text)) {
        report.error(format(Messages.PLUGIN_REPEATED_NAME, className, text), plugin, mirror, alias);
      }
    }
  }

  /** Reports a blank or spaced name; returns whether the name is well-formed. */
  private static boolean checkName(String role, String text, String className, TypeElement plugin,
      AnnotationMirror mirror, AnnotationValue value, ValidationReport.Builder report) {
    if (text.isBlank()) {
      report.error(format(Messages.PLUGIN_NAME_BLANK, role, className), plugin, mirror, value);
      return false;
    }
    if (containsWhitespace(text)) {
      String suggestion = text.strip().replaceAll("\\s+", "-");
      report.error(format(Messages.PLUGIN_NAME_WHITESPACE, role, text, className, suggestion),
          plugin, mirror, value);
      return false;
    }
    return true;
  }

  private static boolean containsWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static List<AnnotationValue> elementsOf(AnnotationValue array) {
    Object value = array.getValue();
    return value instanceof List<?> list ? (List<AnnotationValue>) list : List.of(array);
  }

  private void validateFactory(TypeElement plugin, AnnotationMirror mirror,
      List<ExtensionPointModel> extensionPoints, ValidationReport.Builder report) {
    // Extension points with @RequireConstructor replace this rule; the contracts step checks them.
    List<ExtensionPointModel> needNoArg = extensionPoints.stream()
        .filter(ep -> ep.requiredConstructors().isEmpty())
        .toList();
    if (needNoArg.isEmpty()) {
      return;
    }
    String className = plugin.getQualifiedName().toString();
    Optional<ExecutableElement> provider = reader.providerMethod(plugin);
    Optional<ExecutableElement> usable = reader.usableProvider(plugin);
    if (usable.isPresent()) {
      TypeMirror returned = types.erasure(usable.get().getReturnType());
      for (ExtensionPointModel ep : needNoArg) {
        TypeElement epType = elements.getTypeElement(ep.qualifiedName());
        if (epType != null && returned.getKind() != TypeKind.ERROR
            && !types.isAssignable(returned, types.erasure(epType.asType()))) {
          report.error(format(Messages.PLUGIN_PROVIDER_WRONG_TYPE, className,
              TypeNames.toJava(usable.get().getReturnType()), ep.qualifiedName()), usable.get());
        }
      }
      return;
    }
    if (reader.publicNoArgConstructor(plugin).isPresent()) {
      return;
    }
    if (provider.isPresent()) {
      report.error(format(Messages.PLUGIN_PROVIDER_NOT_PUBLIC_STATIC, className,
          TypeNames.signature(provider.get())), provider.get());
      return;
    }
    Optional<ExecutableElement> hidden = reader.noArgConstructor(plugin);
    if (hidden.isPresent() && elements.getOrigin(hidden.get()) == Elements.Origin.MANDATED) {
      // The implicit constructor takes the class's access; PLUGIN_NOT_PUBLIC already says it.
      return;
    }
    if (hidden.isPresent()) {
      report.error(format(Messages.PLUGIN_CONSTRUCTOR_NOT_PUBLIC, className, access(hidden.get())),
          hidden.get());
      return;
    }
    String returnType = needNoArg.get(0).className().simpleName();
    String points = needNoArg.stream().map(ExtensionPointModel::qualifiedName)
        .collect(Collectors.joining(", "));
    String message = format(Messages.PLUGIN_NO_FACTORY, className, returnType, points);
    List<String> staticFactories = ElementFilter.methodsIn(plugin.getEnclosedElements()).stream()
        .filter(m -> m.getModifiers().contains(Modifier.STATIC) && m.getParameters().isEmpty())
        .map(m -> m.getSimpleName().toString())
        .toList();
    Optional<String> nearMiss = Names.nearest("provider", staticFactories);
    if (nearMiss.isPresent()) {
      message += format(Messages.DID_YOU_MEAN_PROVIDER, nearMiss.get());
    }
    report.error(message, plugin, mirror);
  }

  private static String access(ExecutableElement constructor) {
    Set<Modifier> modifiers = constructor.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      return "private";
    }
    return modifiers.contains(Modifier.PROTECTED) ? "protected" : "package-private";
  }

  private String supertypes(TypeElement plugin) {
    List<String> names = new ArrayList<>();
    TypeMirror superclass = plugin.getSuperclass();
    if (superclass.getKind() == TypeKind.DECLARED
        && !types.asElement(superclass).toString().equals("java.lang.Object")
        && !types.asElement(superclass).toString().equals("java.lang.Record")) {
      names.add(TypeNames.toJava(superclass));
    }
    plugin.getInterfaces().forEach(i -> names.add(TypeNames.toJava(i)));
    return names.isEmpty() ? "none besides Object" : String.join(", ", names);
  }
}
