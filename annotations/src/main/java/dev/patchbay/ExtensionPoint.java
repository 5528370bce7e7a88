package dev.patchbay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an interface or abstract class as a contract whose implementations are plugins.
 *
 * <p>For every extension point the annotation processor generates a registry class in the same
 * package, named {@link #registry()}, whose static methods list and create the plugins compiled
 * with it. Plugins compiled in other jars are reached through {@link Registries#of(Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExtensionPoint {

  /**
   * Simple name of the generated registry class; empty means {@code <SimpleName>Registry}.
   *
   * @return the registry's simple class name, or empty for the default
   */
  String registry() default "";
}
