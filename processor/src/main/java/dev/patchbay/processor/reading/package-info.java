/**
 * Reads elements into models: one mirror helper
 * ({@link dev.patchbay.processor.reading.AnnotationMirrors}), one reader per annotation
 * ({@code @ExtensionPoint}, {@code @Plugin}, contract rules, {@code @RequireConstructor},
 * {@code @SuppressWarnings}), the facts about declarations they share
 * ({@link dev.patchbay.processor.reading.Declarations}), and what an earlier compilation left in
 * the class output.
 *
 * <p>Readers never report: a malformed element still reads into a model, and the validators decide
 * whether it may be used.
 */
package dev.patchbay.processor.reading;
