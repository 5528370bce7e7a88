/**
 * Reads elements into models: one mirror helper
 * ({@link dev.patchbay.processor.reading.AnnotationMirrors}), one reader per annotation family
 * (extension points and plugins, contract rules, {@code @RequireConstructor},
 * {@code @SuppressWarnings}), and what an earlier compilation left in the class output.
 *
 * <p>Readers never report: a malformed element still reads into a model, and the validators decide
 * whether it may be used.
 */
package dev.patchbay.processor.reading;
