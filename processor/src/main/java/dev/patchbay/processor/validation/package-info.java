/**
 * Every check of the processor, each returning an immutable
 * {@link dev.patchbay.processor.validation.ValidationReport} whose items are anchored on element,
 * annotation and attribute value; the one message catalogue
 * ({@link dev.patchbay.processor.validation.Message}); and the one printer of reports.
 *
 * <p>Validators never print and never touch the {@code Filer}; the steps print the reports and
 * generate only from what is clean.
 */
package dev.patchbay.processor.validation;
