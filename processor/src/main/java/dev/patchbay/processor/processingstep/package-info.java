/**
 * The processing steps, run in order each round by
 * {@link dev.patchbay.processor.PatchbayProcessor}: the contract step judges every class of the
 * compilation, and the extension-point step, handed the contract step's verdicts as a typed
 * predicate, reads, validates and generates the registries, the index and the service files.
 * Steps only orchestrate: reading, validation and writing live in their own packages.
 */
package dev.patchbay.processor.processingstep;
