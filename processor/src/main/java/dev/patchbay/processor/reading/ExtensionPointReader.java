package dev.patchbay.processor.reading;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.patchbay.processor.base.Identifiers;
import dev.patchbay.processor.base.SignatureFormatter;
import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.Parameter;
import dev.patchbay.processor.model.RequiredConstructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @ExtensionPoint} types into models: the registry's name, the constructors the
 * extension point requires of its plugins and the parameters the generated code passes them.
 *
 * <p>Reading never reports anything: a malformed element still reads into a model, and the
 * validators decide whether it may be used.
 */
public final class ExtensionPointReader {
  private final Elements elements;
  private final Types types;

  /**
   * Creates a reader over one compilation's utilities.
   *
   * @param elements element utilities
   * @param types type utilities
   */
  public ExtensionPointReader(Elements elements, Types types) {
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
    String given = AnnotationMirrors.find(extensionPoint, TypeNames.EXTENSION_POINT)
        .flatMap(m -> AnnotationMirrors.value(m, "registry"))
        .map(v -> (String) v.getValue())
        .orElse("");
    return given.isEmpty() ? extensionPoint.getSimpleName() + TypeNames.REGISTRY_SUFFIX : given;
  }

  private List<RequiredConstructor> requiredConstructors(TypeElement extensionPoint) {
    List<RequiredConstructor> result = new ArrayList<>();
    for (RequireConstructorReader.Rule rule : RequireConstructorReader.rules(extensionPoint)) {
      List<Parameter> parameters = new ArrayList<>();
      Set<String> used = new HashSet<>();
      used.add("name");
      for (TypeMirror type : rule.parameters()) {
        parameters.add(parameter(type, used));
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
      base = Identifiers.decapitalize(element.getSimpleName().toString());
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
        SignatureFormatter.type(types.erasure(type)));
  }
}
