package dev.patchbay.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.PluginModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @Plugin} classes into models, and answers the structural questions validators and
 * the steps share about a plugin class: which extension points it joins, how it can be created.
 *
 * <p>Reading never reports anything: a malformed element still reads into a model, and the
 * validators decide whether it may be used.
 */
public final class PluginReader {
  private final Elements elements;
  private final Types types;

  /**
   * Creates a reader over one compilation's utilities.
   *
   * @param elements element utilities
   * @param types type utilities
   */
  public PluginReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Reads a plugin class.
   *
   * @param plugin a class annotated {@code @Plugin}
   * @return its model
   */
  public PluginModel plugin(TypeElement plugin) {
    AnnotationMirror mirror = AnnotationMirrors.find(plugin, TypeNames.PLUGIN).orElseThrow();
    String value = (String) attribute(mirror, "value");
    List<String> aliases = new ArrayList<>();
    for (AnnotationValue alias
        : AnnotationMirrors.list(AnnotationMirrors.value(mirror, "aliases").orElseThrow())) {
      aliases.add((String) alias.getValue());
    }
    return new PluginModel(
        plugin.getQualifiedName().toString(),
        elements.getBinaryName(plugin).toString(),
        ClassName.get(plugin),
        !plugin.getTypeParameters().isEmpty(),
        value.isEmpty() ? plugin.getSimpleName().toString() : value,
        aliases,
        (String) attribute(mirror, "description"),
        (Integer) attribute(mirror, "priority"),
        usableProvider(plugin).isPresent(),
        publicNoArgConstructor(plugin).isPresent(),
        genericConstructors(plugin));
  }

  /** The value of an attribute of {@code @Plugin}, which declares a default for each. */
  private static Object attribute(AnnotationMirror plugin, String name) {
    return AnnotationMirrors.value(plugin, name).orElseThrow().getValue();
  }

  /** See {@link PluginModel#genericConstructors()}. */
  private Set<String> genericConstructors(TypeElement plugin) {
    Set<String> result = new HashSet<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(plugin.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PUBLIC)) {
        continue;
      }
      boolean generic = false;
      List<String> erased = new ArrayList<>();
      for (var parameter : constructor.getParameters()) {
        TypeMirror type = parameter.asType();
        generic |= !types.isSameType(type, types.erasure(type));
        erased.add(TypeName.get(types.erasure(type)).toString());
      }
      if (generic) {
        result.add(String.join(",", erased));
      }
    }
    return result;
  }

  /**
   * Every {@code @ExtensionPoint} type {@code plugin} implements or extends, directly or through
   * supertypes, sorted by qualified name.
   *
   * @param plugin any class
   * @return the extension points, each once
   */
  public List<TypeElement> extensionPointsOf(TypeElement plugin) {
    Map<String, TypeElement> found = new TreeMap<>();
    collectExtensionPoints(plugin.asType(), found, new HashSet<>());
    return List.copyOf(found.values());
  }

  private void collectExtensionPoints(TypeMirror type, Map<String, TypeElement> found, Set<String> seen) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement element = (TypeElement) ((DeclaredType) supertype).asElement();
      String name = element.getQualifiedName().toString();
      if (!seen.add(name)) {
        continue;
      }
      if (AnnotationMirrors.isExtensionPoint(element)) {
        found.put(name, element);
      }
      collectExtensionPoints(supertype, found, seen);
    }
  }

  /**
   * The {@code public static provider()} method {@code ServiceLoader} would use, if declared.
   *
   * @param plugin a class
   * @return the method, when it is public, static and takes no parameters
   */
  public Optional<ExecutableElement> usableProvider(TypeElement plugin) {
    return providerMethod(plugin).filter(m -> m.getModifiers().containsAll(
        Set.of(Modifier.PUBLIC, Modifier.STATIC)));
  }

  /**
   * The no-parameter method named {@code provider} that {@code plugin} declares, of any access.
   *
   * @param plugin a class
   * @return the method, or empty
   */
  public Optional<ExecutableElement> providerMethod(TypeElement plugin) {
    for (ExecutableElement method : ElementFilter.methodsIn(plugin.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals("provider") && method.getParameters().isEmpty()) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  /**
   * The constructor without parameters, of any access, when {@code plugin} declares one (or gets
   * the implicit default constructor).
   *
   * @param plugin a class
   * @return the constructor, or empty
   */
  public Optional<ExecutableElement> noArgConstructor(TypeElement plugin) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(plugin.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty()) {
        return Optional.of(constructor);
      }
    }
    return Optional.empty();
  }

  /**
   * The public constructor without parameters, when there is one.
   *
   * @param plugin a class
   * @return the constructor, or empty
   */
  public Optional<ExecutableElement> publicNoArgConstructor(TypeElement plugin) {
    return noArgConstructor(plugin).filter(c -> c.getModifiers().contains(Modifier.PUBLIC));
  }

  /**
   * Whether {@code element} is a class of the kinds a plugin may be (class or record).
   *
   * @param element any element
   * @return true for classes and records
   */
  public static boolean isClassLike(Element element) {
    return element.getKind() == ElementKind.CLASS || element.getKind() == ElementKind.RECORD;
  }
}
