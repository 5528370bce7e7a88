package dev.patchbay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires every plugin of an extension point, or every class carrying a {@link Contract}
 * annotation, to declare a public constructor with exactly these parameter types.
 *
 * <p>On an extension point the required constructors replace the no-argument-constructor rule,
 * and the generated registry's {@code create} and {@code find} take the same parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(RequireConstructor.List.class)
public @interface RequireConstructor {

  /**
   * Exact parameter types of the required constructor, in order.
   *
   * @return the parameter types; empty means a no-argument constructor
   */
  Class<?>[] parameters() default {};

  /** Container for repeated {@link RequireConstructor} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
  @interface List {
    /**
     * The repeated annotations.
     *
     * @return the contained requirements
     */
    RequireConstructor[] value();
  }
}
