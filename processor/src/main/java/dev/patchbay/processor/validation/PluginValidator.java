package dev.patchbay.processor.validation;

import dev.patchbay.processor.base.Identifiers;
import dev.patchbay.processor.base.SignatureFormatter;
import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.reading.AnnotationMirrors;
import dev.patchbay.processor.reading.Declarations;
import dev.patchbay.processor.reading.PluginReader;
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
import javax.lang.model.element.PackageElement;
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
  private final PluginReader reader;

  /**
   * Creates a validator.
   *
   * @param elements element utilities
   * @param types type utilities
   * @param reader the model reader of the same compilation
   */
  public PluginValidator(Elements elements, Types types, PluginReader reader) {
    this.elements = elements;
    this.types = types;
    this.reader = reader;
  }

  /**
   * Validates one plugin class.
   *
   * @param plugin the annotated class
   * @param extensionPoints the valid extension points it joins (see {@link PluginReader#extensionPointsOf})
   * @param joinsBrokenPoint whether it also joins an extension point that failed its own checks
   *     (then "implements no extension point" would be misleading, and is not reported)
   * @return the report
   */
  public ValidationReport validate(
      TypeElement plugin, List<ExtensionPointModel> extensionPoints, boolean joinsBrokenPoint) {
    ValidationReport.Builder report = ValidationReport.builder();
    AnnotationMirror mirror = AnnotationMirrors.find(plugin, TypeNames.PLUGIN).orElseThrow();
    String name = plugin.getQualifiedName().toString();

    if (!PluginReader.isClassLike(plugin)) {
      String kind = switch (plugin.getKind()) {
        case INTERFACE -> "an interface";
        case ENUM -> "an enum";
        case ANNOTATION_TYPE -> "an annotation type";
        default -> "a " + plugin.getKind().toString().toLowerCase(java.util.Locale.ROOT);
      };
      return report.error(Message.PLUGIN_WRONG_KIND.format(name, kind), plugin, mirror).build();
    }
    boolean isAbstract = plugin.getModifiers().contains(Modifier.ABSTRACT);
    if (isAbstract) {
      report.error(Message.PLUGIN_ABSTRACT.format(name), plugin, mirror);
    }
    if (plugin.getNestingKind() == NestingKind.MEMBER && !plugin.getModifiers().contains(Modifier.STATIC)) {
      report.error(Message.PLUGIN_INNER_CLASS.format(name), plugin, mirror);
    }
    Declarations.firstNonPublic(plugin).ifPresent(nonPublic -> report.error(
        Message.PLUGIN_NOT_PUBLIC.format(name, nonPublic.getQualifiedName()),
        nonPublic, nonPublic == plugin ? mirror : null));
    if (extensionPoints.isEmpty() && !joinsBrokenPoint) {
      report.error(Message.PLUGIN_NO_EXTENSION_POINT.format(name, supertypes(plugin),
          plugin.getSimpleName()), plugin, mirror);
    }
    validateNames(plugin, mirror, report);
    validateText(plugin, mirror, report);
    validatePackage(plugin, mirror, extensionPoints, report);
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
        report.error(Message.PLUGIN_REPEATED_NAME.format(className, text), plugin, mirror, alias);
      }
    }
  }

  /**
   * The registry's code names every plugin class; from a named package it cannot name one of the
   * unnamed package. (The plugin index, in the unnamed package then, can: foreign extension
   * points are fine.)
   */
  private void validatePackage(TypeElement plugin, AnnotationMirror mirror,
      List<ExtensionPointModel> extensionPoints, ValidationReport.Builder report) {
    TypeElement outermost = outermost(plugin);
    if (!(outermost.getEnclosingElement() instanceof PackageElement pkg)) {
      return;
    }
    if (!pkg.isUnnamed()) {
      // Whether the generated code can name it depends on the other plugins too: see
      // NamingValidator, which runs on whole tables.
      return;
    }
    for (ExtensionPointModel ep : extensionPoints) {
      if (ep.compiledHere() && !ep.registryName().packageName().isEmpty()) {
        report.error(Message.PLUGIN_IN_UNNAMED_PACKAGE.format(plugin.getQualifiedName(),
            ep.qualifiedName(), ep.registryName().canonicalName(), outermost.getSimpleName()),
            plugin, mirror);
        return;
      }
    }
  }

  private static TypeElement outermost(TypeElement type) {
    TypeElement result = type;
    while (result.getEnclosingElement() instanceof TypeElement enclosing) {
      result = enclosing;
    }
    return result;
  }

  /**
   * Texts that no class file can hold as given: an unpaired surrogate (written as '?'), or an
   * entry longer than one string constant.
   */
  private static void validateText(TypeElement plugin, AnnotationMirror mirror,
      ValidationReport.Builder report) {
    String className = plugin.getQualifiedName().toString();
    List<AnnotationValue> values = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    AnnotationMirrors.explicitValue(mirror, "value").ifPresent(v -> {
      values.add(v);
      roles.add("name");
    });
    AnnotationMirrors.explicitValue(mirror, "aliases").ifPresent(v -> elementsOf(v).forEach(a -> {
      values.add(a);
      roles.add("alias");
    }));
    AnnotationMirrors.explicitValue(mirror, "description").ifPresent(v -> {
      values.add(v);
      roles.add("description");
    });
    // Separators, priority digits and the class name come on top of the texts themselves.
    long total = modifiedUtf8Length(className) + 16 + 4L * values.size();
    int longest = -1;
    long longestBytes = 0;
    for (int i = 0; i < values.size(); i++) {
      if (!(values.get(i).getValue() instanceof String text)) {
        continue;
      }
      int lone = unpairedSurrogate(text);
      if (lone >= 0) {
        report.error(Message.PLUGIN_NAME_UNPAIRED_SURROGATE.format(roles.get(i), escape(text),
            className, (int) text.charAt(lone), lone), plugin, mirror, values.get(i));
      }
      long bytes = modifiedUtf8Length(text);
      total += bytes;
      if (bytes > longestBytes) {
        longest = i;
        longestBytes = bytes;
      }
    }
    if (total > MAX_CONSTANT_BYTES && longest >= 0) {
      report.error(Message.PLUGIN_METADATA_TOO_LONG.format(roles.get(longest), className,
          longestBytes, total, MAX_CONSTANT_BYTES), plugin, mirror, values.get(longest));
    }
  }

  /** The most bytes a class-file string constant holds. */
  static final int MAX_CONSTANT_BYTES = 65_535;

  /** Bytes of {@code text} in modified UTF-8, the class file's encoding of string constants. */
  static long modifiedUtf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Tab, newline and backslash are escaped (doubled) in the registry's metadata text.
      bytes += c == '\t' || c == '\n' || c == '\\' ? 2 : c >= 1 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return bytes;
  }

  /** The index of the first surrogate that is not half of a pair, or -1. */
  static int unpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code text} with surrogates and control characters as escapes, printable in a message. */
  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    int limit = Math.min(text.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c) || Character.isISOControl(c)) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return text.length() > limit ? out + "..." : out.toString();
  }

  /** Reports a blank or spaced name; returns whether the name is well-formed. */
  private static boolean checkName(String role, String text, String className, TypeElement plugin,
      AnnotationMirror mirror, AnnotationValue value, ValidationReport.Builder report) {
    if (text.isBlank()) {
      report.error(Message.PLUGIN_NAME_BLANK.format(role, className), plugin, mirror, value);
      return false;
    }
    if (containsWhitespace(text)) {
      String suggestion = text.strip().replaceAll("\\s+", "-");
      report.error(Message.PLUGIN_NAME_WHITESPACE.format(role, text, className, suggestion),
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
          report.error(Message.PLUGIN_PROVIDER_WRONG_TYPE.format(className,
              SignatureFormatter.type(usable.get().getReturnType()), ep.qualifiedName()), usable.get());
        }
      }
      return;
    }
    if (reader.publicNoArgConstructor(plugin).isPresent()) {
      return;
    }
    if (provider.isPresent()) {
      report.error(Message.PLUGIN_PROVIDER_NOT_PUBLIC_STATIC.format(className,
          SignatureFormatter.declaration(provider.get())), provider.get());
      return;
    }
    Optional<ExecutableElement> hidden = reader.noArgConstructor(plugin);
    if (hidden.isPresent() && elements.getOrigin(hidden.get()) == Elements.Origin.MANDATED) {
      // The implicit constructor takes the class's access; PLUGIN_NOT_PUBLIC already says it.
      return;
    }
    if (hidden.isPresent()) {
      report.error(Message.PLUGIN_CONSTRUCTOR_NOT_PUBLIC.format(className, access(hidden.get())),
          hidden.get());
      return;
    }
    String returnType = needNoArg.get(0).className().simpleName();
    String points = needNoArg.stream().map(ExtensionPointModel::qualifiedName)
        .collect(Collectors.joining(", "));
    String message = Message.PLUGIN_NO_FACTORY.format(className, returnType, points);
    List<String> staticFactories = ElementFilter.methodsIn(plugin.getEnclosedElements()).stream()
        .filter(m -> m.getModifiers().contains(Modifier.STATIC) && m.getParameters().isEmpty())
        .map(m -> m.getSimpleName().toString())
        .toList();
    Optional<String> nearMiss = Identifiers.nearest("provider", staticFactories);
    if (nearMiss.isPresent()) {
      message += Message.DID_YOU_MEAN_PROVIDER.format(nearMiss.get());
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
      names.add(SignatureFormatter.type(superclass));
    }
    plugin.getInterfaces().forEach(i -> names.add(SignatureFormatter.type(i)));
    return names.isEmpty() ? "none besides Object" : String.join(", ", names);
  }
}
