/**
 * State across compilations: what the last compilation into the same class output generated
 * ({@link dev.patchbay.processor.model.OutputState}, read back by
 * {@link dev.patchbay.processor.reading.OutputReader}), merged with what this compilation reads,
 * so that registries, index and service files list exactly the plugins whose classes exist and
 * carry {@code @Plugin}, whatever subset of sources the compiler was handed.
 *
 * <p>{@link dev.patchbay.processor.merging.OutputMerger} decides what earlier entries stay and
 * whether anything changed at all; {@link dev.patchbay.processor.merging.RegenerationPlan} decides
 * which generated classes must be written again; {@code ServiceFileMerger} tells Patchbay's own
 * service-file entries from hand-written ones. The extension-point step asks them and writes what
 * they say.
 */
package dev.patchbay.processor.merging;
