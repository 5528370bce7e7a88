package dev.patchbay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires every plugin of an extension point, or every class carrying a {@link Contract}
 * annotation, to declare a public method itself.
 *
 * <p>{@link Any} in {@link #parameters()} or {@link #returns()} means "not checked"; an empty
 * {@code parameters} array means "no parameters".
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(RequireMethod.List.class)
public @interface RequireMethod {

  /**
   * Name of the required method.
   *
   * @return the method name; must not be blank
   */
  String name();

  /**
   * Exact parameter types, in order; the default {@code {Any.class}} accepts any parameters.
   *
   * @return the required parameter types
   */
  Class<?>[] parameters() default {Any.class};

  /**
   * A type the method's return type must be assignable to; {@code Any.class} accepts any.
   *
   * @return the required return type
   */
  Class<?> returns() default Any.class;

  /**
   * Whether the method must be static (a factory) rather than an instance method.
   *
   * @return true for a required static method
   */
  boolean isStatic() default false;

  /** Marker type meaning "any" in {@link #parameters()} and {@link #returns()}. */
  final class Any {
    private Any() {}
  }

  /** Container for repeated {@link RequireMethod} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
  @interface List {
    /**
     * The repeated annotations.
     *
     * @return the contained requirements
     */
    RequireMethod[] value();
  }
}
