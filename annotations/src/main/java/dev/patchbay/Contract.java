package dev.patchbay;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a user-defined annotation type a contract: the {@link RequireMethod} and
 * {@link RequireConstructor} rules placed on that annotation type apply to every class that
 * carries it, plugin or not.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Contract {}
