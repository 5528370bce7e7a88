package dev.patchbay.processor.processingstep;

import java.util.Set;
import javax.annotation.processing.RoundEnvironment;

/**
 * One annotation family's share of a processing round: read, validate, report, generate.
 *
 * <p>Steps run in the order {@link dev.patchbay.processor.PatchbayProcessor} lists them, every
 * round. A step prints user errors as validation reports and never throws for them.
 */
public interface ProcessingStep {

  /** Canonical names of the annotations this step handles. */
  Set<String> annotations();

  /** Handles one round. Called for every round, including the last. */
  void process(RoundEnvironment round);

  /**
   * Called once, after the last round's {@link #process}: report what stayed unresolved and
   * write aggregated resources.
   */
  default void finish() {}
}
