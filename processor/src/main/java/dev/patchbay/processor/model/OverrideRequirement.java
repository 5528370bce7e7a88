package dev.patchbay.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @MustOverride} method that every plugin of its extension point must override itself.
 *
 * @param method the annotated method
 * @param extensionPoint the extension point declaring it
 */
public record OverrideRequirement(ExecutableElement method, TypeElement extensionPoint) {}
