/**
 * State across compilations: what the last compilation into the same class output generated
 * ({@link dev.patchbay.processor.model.OutputState}, read back by
 * {@link dev.patchbay.processor.reading.OutputReader}), merged with what this compilation reads,
 * so that registries, index and service files list exactly the plugins whose classes exist and
 * carry {@code @Plugin}, whatever subset of sources the compiler was handed.
 *
 * <p>{@link dev.patchbay.processor.merging.OutputMerger} decides what earlier entries stay, whether
 * anything must be generated again, and which service-file entries are Patchbay's own; the
 * extension-point step asks it and writes what it says.
 */
package dev.patchbay.processor.merging;
