package dev.patchbay.runtime.state;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/**
 * Model checking of the snapshot fallback that holds every cell, which a real run reaches only
 * under a storm of writes: here every snapshot takes it, against single-key and multi-key writers.
 */
@Param(name = "key", gen = IntGen.class, conf = "0:1")
@Param(name = "amount", gen = IntGen.class, conf = "1:3")
public class SharedStateLockedSnapshotLincheckTest {

  /** Lincheck creates one instance per scenario run. */
  public SharedStateLockedSnapshotLincheckTest() {}

  private final SharedState state = new DefaultSharedState(/* cleanSnapshotAttempts= */ 0);

  @Operation
  public int add(@Param(name = "key") int key, @Param(name = "amount") int amount) {
    return state.update(SharedStateModel.key(key), value -> value == null ? amount : value + amount);
  }

  @Operation
  public String setBoth(@Param(name = "amount") int value) {
    return SharedStateLincheckTest.describe(state.updateAll(mutation -> {
      mutation.set(SharedStateModel.A, value);
      mutation.set(SharedStateModel.B, value);
    }));
  }

  @Operation
  public String snapshot() {
    return SharedStateLincheckTest.describe(state.snapshot());
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions()
        .sequentialSpecification(SharedStateModel.class)
        .iterations(3)
        .invocationsPerIteration(100)
        .threads(3)
        .actorsPerThread(2)
        .check(getClass());
  }
}
