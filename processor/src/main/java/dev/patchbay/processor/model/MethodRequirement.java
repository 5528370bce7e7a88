package dev.patchbay.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @RequireMethod} rule, read from an extension point or a contract annotation type.
 *
 * @param name the required method name
 * @param parameters exact parameter types, or empty when any parameters are accepted
 * @param returns the type the return type must be assignable to, or empty for any
 * @param isStatic whether the method must be static
 * @param origin where the rule was declared
 */
public record MethodRequirement(
    String name,
    Optional<List<TypeMirror>> parameters,
    Optional<TypeMirror> returns,
    boolean isStatic,
    RuleOrigin origin) {}
