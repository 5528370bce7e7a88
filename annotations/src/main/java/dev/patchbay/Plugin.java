package dev.patchbay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a concrete class in the registry of every {@link ExtensionPoint} it implements or
 * extends.
 *
 * <p>Names and aliases are unique per extension point, non-blank and free of whitespace; the
 * processor rejects violations at compile time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Plugin {

  /**
   * The name the plugin is registered under; empty means the class's simple name.
   *
   * @return the primary name, or empty for the class's simple name
   */
  String value() default "";

  /**
   * Further names that resolve to this plugin in {@code create} and {@code find}.
   *
   * @return the aliases, none by default
   */
  String[] aliases() default {};

  /**
   * One line for people choosing a plugin, shown by listings.
   *
   * @return the description, empty by default
   */
  String description() default "";

  /**
   * Ordering weight: plugins with a higher priority come first in listings and {@code createAll}.
   *
   * @return the priority, 0 by default
   */
  int priority() default 0;
}
