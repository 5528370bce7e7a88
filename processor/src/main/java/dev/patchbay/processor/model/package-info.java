/**
 * Immutable records the readers produce and the validators and writers consume.
 *
 * <p>The models of extension points, plugins and the index hold names only, no elements, so a
 * model read in one round stays valid in the next and its digest can be kept across compilations
 * ({@link dev.patchbay.processor.model.OutputState}). The contract rules
 * ({@link dev.patchbay.processor.model.MethodRequirement} and its siblings) hold elements and type
 * mirrors and live for one round only.
 */
package dev.patchbay.processor.model;
