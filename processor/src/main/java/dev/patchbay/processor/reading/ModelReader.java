package dev.patchbay.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.Parameter;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.RequiredConstructor;
import dev.patchbay.processor.util.AnnotationMirrors;
import dev.patchbay.processor.util.Names;
import dev.patchbay.processor.util.TypeNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns annotated elements into model records, and answers the structural questions validators
 * and the step share (which extension points a plugin joins, what a plugin's shape allows).
 *
 * <p>Reading never reports anything: a malformed element still reads into a model, and the
 * validators decide whether it may be used.
 */
public final class ModelReader {
  /** Canonical name of {@code @ExtensionPoint}. */
  public static final String EXTENSION_POINT = "dev.patchbay.ExtensionPoint";
  /** Canonical name of {@code @Plugin}. */
  public static final String PLUGIN = "dev.patchbay.Plugin";
  /** Canonical name of {@code @RequireConstructor}. */
  public static final String REQUIRE_CONSTRUCTOR = "dev.patchbay.RequireConstructor";
  /** Canonical name of the container of repeated {@code @RequireConstructor}s. */
  public static final String REQUIRE_CONSTRUCTOR_LIST = "dev.patchbay.RequireConstructor.List";

  private final Elements elements;
  private final Types types;

  /**
   * Creates a reader over one compilation's utilities.
   *
   * @param elements element utilities
   * @param types type utilities
   */
  public ModelReader(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Reads an extension point.
   *
   * @param type a type annotated {@code @ExtensionPoint}
   * @param compiledHere whether it is part of this compilation
   * @return its model
   */
  public ExtensionPointModel extensionPoint(TypeElement type, boolean compiledHere) {
    ClassName className = ClassName.get(type);
    return new ExtensionPointModel(
        type.getQualifiedName().toString(),
        elements.getBinaryName(type).toString(),
        className,
        type.getTypeParameters().size(),
        ClassName.get(className.packageName(), registrySimpleName(type)),
        requiredConstructors(type),
        compiledHere);
  }

  /**
   * The simple name of the registry generated for {@code extensionPoint}.
   *
   * @param extensionPoint a type annotated {@code @ExtensionPoint}
   * @return {@code registry()} when given, else {@code <SimpleName>Registry}
   */
  public String registrySimpleName(TypeElement extensionPoint) {
    String given = AnnotationMirrors.find(extensionPoint, EXTENSION_POINT)
        .map(m -> (String) AnnotationMirrors.value(elements, m, "registry").getValue())
        .orElse("");
    return given.isEmpty() ? extensionPoint.getSimpleName() + "Registry" : given;
  }

  /**
   * Reads a plugin class.
   *
   * @param plugin a class annotated {@code @Plugin}
   * @return its model
   */
  @SuppressWarnings("unchecked")
  public PluginModel plugin(TypeElement plugin) {
    AnnotationMirror mirror = AnnotationMirrors.find(plugin, PLUGIN).orElseThrow();
    String value = (String) AnnotationMirrors.value(elements, mirror, "value").getValue();
    List<String> aliases = new ArrayList<>();
    for (AnnotationValue alias
        : (List<? extends AnnotationValue>) AnnotationMirrors.value(elements, mirror, "aliases").getValue()) {
      aliases.add((String) alias.getValue());
    }
    return new PluginModel(
        plugin.getQualifiedName().toString(),
        elements.getBinaryName(plugin).toString(),
        ClassName.get(plugin),
        !plugin.getTypeParameters().isEmpty(),
        value.isEmpty() ? plugin.getSimpleName().toString() : value,
        aliases,
        (String) AnnotationMirrors.value(elements, mirror, "description").getValue(),
        (Integer) AnnotationMirrors.value(elements, mirror, "priority").getValue(),
        usableProvider(plugin).isPresent(),
        publicNoArgConstructor(plugin).isPresent(),
        genericConstructors(plugin));
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
      if (AnnotationMirrors.find(element, EXTENSION_POINT).isPresent()) {
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
   * Whether {@code type} and every class enclosing it are public.
   *
   * @param type a class or interface
   * @return the first element that is not public (the type itself or an enclosing class)
   */
  public Optional<TypeElement> firstNonPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * The package a generated class for {@code type} goes into.
   *
   * @param type any type
   * @return its package's qualified name, empty for the unnamed package
   */
  public String packageOf(TypeElement type) {
    PackageElement pkg = elements.getPackageOf(type);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }

  private List<RequiredConstructor> requiredConstructors(TypeElement extensionPoint) {
    List<RequiredConstructor> result = new ArrayList<>();
    for (AnnotationMirror rule : requireConstructorMirrors(extensionPoint)) {
      List<Parameter> parameters = new ArrayList<>();
      Set<String> used = new HashSet<>();
      used.add("name");
      for (AnnotationValue value : parameterValues(rule)) {
        if (value.getValue() instanceof TypeMirror type) {
          parameters.add(parameter(type, used));
        }
      }
      RequiredConstructor constructor = new RequiredConstructor(parameters);
      // The same rule written twice would make two identical overloads.
      if (result.stream().noneMatch(c -> c.describe().equals(constructor.describe()))) {
        result.add(constructor);
      }
    }
    return result;
  }

  private Parameter parameter(TypeMirror type, Set<String> used) {
    TypeName typeName = TypeName.get(types.erasure(type));
    boolean primitive = type.getKind().isPrimitive();
    boolean raw = false;
    TypeName castType = typeName;
    TypeName checkType = typeName;
    String base;
    if (primitive) {
      castType = typeName.box();
      checkType = castType;
      base = type.toString() + "Value";
    } else if (type.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) types.asElement(type);
      int count = element.getTypeParameters().size();
      if (count > 0) {
        raw = true;
        castType = ParameterizedTypeName.get((ClassName) typeName, Collections.nCopies(
            count, WildcardTypeName.subtypeOf(Object.class)).toArray(new TypeName[0]));
      }
      base = Names.decapitalize(element.getSimpleName().toString());
    } else {
      base = "argument";
    }
    if (SourceVersion.isKeyword(base) || !SourceVersion.isIdentifier(base)) {
      base = base + "Argument";
    }
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + i;
    }
    return new Parameter(name, typeName, castType, checkType, primitive, raw,
        TypeNames.toJava(types.erasure(type)));
  }

  /**
   * The {@code @RequireConstructor} annotations on {@code type}, whether written once or repeated
   * (javac then wraps them in the container annotation).
   *
   * @param type an extension point or contract annotation type
   * @return the mirrors in declaration order
   */
  public List<AnnotationMirror> requireConstructorMirrors(TypeElement type) {
    List<AnnotationMirror> result = new ArrayList<>();
    AnnotationMirrors.find(type, REQUIRE_CONSTRUCTOR).ifPresent(result::add);
    AnnotationMirrors.find(type, REQUIRE_CONSTRUCTOR_LIST).ifPresent(container -> {
      @SuppressWarnings("unchecked")
      List<? extends AnnotationValue> values = (List<? extends AnnotationValue>)
          AnnotationMirrors.value(elements, container, "value").getValue();
      for (AnnotationValue value : values) {
        result.add((AnnotationMirror) value.getValue());
      }
    });
    return result;
  }

  @SuppressWarnings("unchecked")
  private List<? extends AnnotationValue> parameterValues(AnnotationMirror rule) {
    Object value = AnnotationMirrors.value(elements, rule, "parameters").getValue();
    return value instanceof List<?> list ? (List<? extends AnnotationValue>) list : List.of();
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
