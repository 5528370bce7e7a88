package dev.patchbay.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One parameter of a required constructor, named for the generated factory method.
 *
 * @param name the parameter name in generated code, a valid identifier other than {@code name}
 * @param type the declared (erased) type, as the class literal gave it
 * @param castType what an {@code Object} argument is cast to: the boxed type for primitives, the
 *     wildcard-parameterized type for generic classes, else {@code type}
 * @param checkType the type for an {@code instanceof} check (boxed for primitives, raw otherwise)
 * @param primitive whether {@code type} is primitive (a null argument is then rejected)
 * @param raw whether {@code type} is a generic class used raw
 * @param simpleType the type as a person writes it, for messages
 */
public record Parameter(
    String name,
    TypeName type,
    TypeName castType,
    TypeName checkType,
    boolean primitive,
    boolean raw,
    String simpleType) {}
