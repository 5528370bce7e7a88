/**
 * What every step shares: the {@link dev.patchbay.processor.base.ProcessingContext processing
 * context}, every annotation and generated name spelled once
 * ({@link dev.patchbay.processor.base.TypeNames}), the one rule deciding that a class must wait
 * for a later round ({@link dev.patchbay.processor.base.DeferralRule}), and the small text helpers
 * for names and signatures in messages.
 *
 * <p>The processor reads in one direction: {@code processingstep} drives {@code reading} (elements
 * to {@code model} records), {@code validation} (reports, never printed by validators),
 * {@code merging} (with what an earlier compilation generated) and {@code writing} (generated
 * files, never user errors); all of them may use {@code base}.
 */
package dev.patchbay.processor.base;
