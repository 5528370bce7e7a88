package dev.patchbay.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.Collections;
import java.util.List;

/**
 * An {@code @ExtensionPoint} type as the generators need it: names only, no elements, so a model
 * read in one round stays valid in the next.
 *
 * @param qualifiedName canonical name, used to look the element up again
 * @param binaryName binary name ({@code a.Outer$Inner}), the key at run time
 * @param className the type as JavaPoet names it
 * @param typeParameterCount how many type parameters the extension point declares
 * @param registryName the registry class generated for it
 * @param requiredConstructors the {@code @RequireConstructor} rules on it, in declaration order
 * @param compiledHere whether it is compiled in this compilation (else it comes from a class file
 *     and gets no registry, only an entry in the index)
 */
public record ExtensionPointModel(
    String qualifiedName,
    String binaryName,
    ClassName className,
    int typeParameterCount,
    ClassName registryName,
    List<RequiredConstructor> requiredConstructors,
    boolean compiledHere) {

  /** Copies the list. */
  public ExtensionPointModel {
    requiredConstructors = List.copyOf(requiredConstructors);
  }

  /**
   * The type generated code uses for instances: {@code Exporter<?>} for a generic extension point.
   *
   * @return the extension point type, with wildcards for its type parameters
   */
  public TypeName instanceType() {
    if (typeParameterCount == 0) {
      return className;
    }
    TypeName[] wildcards = Collections.nCopies(
        typeParameterCount, WildcardTypeName.subtypeOf(Object.class)).toArray(new TypeName[0]);
    return ParameterizedTypeName.get(className, wildcards);
  }

  /**
   * Whether plugins are created without arguments: no required constructors, or one of them
   * takes no parameters.
   *
   * @return true when {@code create(String)} exists
   */
  public boolean createsWithoutArguments() {
    return requiredConstructors.isEmpty()
        || requiredConstructors.stream().anyMatch(c -> c.parameters().isEmpty());
  }

  /**
   * The required constructors that take parameters; each becomes a typed factory overload.
   *
   * @return the typed constructors, in declaration order
   */
  public List<RequiredConstructor> typedConstructors() {
    return requiredConstructors.stream().filter(c -> !c.parameters().isEmpty()).toList();
  }
}
