package dev.patchbay.processor.model;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @RequireConstructor} rule: a public constructor with exactly these parameter types.
 *
 * @param parameters the exact parameter types, in order (empty: no-argument constructor)
 * @param origin where the rule was declared
 */
public record ConstructorRequirement(List<TypeMirror> parameters, RuleOrigin origin) {}
