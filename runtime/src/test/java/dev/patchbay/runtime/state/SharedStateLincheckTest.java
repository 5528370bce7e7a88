package dev.patchbay.runtime.state;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Lincheck checks that every concurrent history of {@link SharedState} operations is linearizable
 * against {@link SharedStateModel}, a plain sequential pair of integers: by model checking (every
 * interleaving of the shared-memory accesses within a bound, deterministic and replayable) and by
 * stress (real threads, real timing).
 *
 * <p>{@code setBoth} is an {@code updateAll} that writes two keys without reading them; updateAll
 * functions that read and write run in {@link SharedStateTransferLincheckTest}.
 */
@Param(name = "key", gen = IntGen.class, conf = "0:1")
@Param(name = "amount", gen = IntGen.class, conf = "1:3")
public class SharedStateLincheckTest {

  /** Lincheck creates one instance per scenario run. */
  public SharedStateLincheckTest() {}

  // Lincheck's model checker makes System.nanoTime() return a constant, so a timed wait would never
  // end; this ticker moves 0.4 ms on at every reading, so awaitUntil's 1 ms runs out after a few
  // checks, under the model checker and in stress runs alike.
  static final long TICK_NANOS = 400_000;

  // One fresh state per scenario run.
  private final AtomicLong ticks = new AtomicLong();
  private final SharedState state =
      new DefaultSharedState(DefaultSharedState.CLEAN_SNAPSHOT_ATTEMPTS, () -> ticks.addAndGet(TICK_NANOS));

  @Operation
  public Integer get(@Param(name = "key") int key) {
    return state.get(SharedStateModel.key(key));
  }

  @Operation
  public void set(@Param(name = "key") int key, @Param(name = "amount") int value) {
    state.set(SharedStateModel.key(key), value);
  }

  @Operation
  public int add(@Param(name = "key") int key, @Param(name = "amount") int amount) {
    return state.update(SharedStateModel.key(key), value -> value == null ? amount : value + amount);
  }

  @Operation
  public String setBoth(@Param(name = "amount") int value) {
    return describe(state.updateAll(mutation -> {
      mutation.set(SharedStateModel.A, value);
      mutation.set(SharedStateModel.B, value);
    }));
  }

  @Operation
  public String snapshot() {
    return describe(state.snapshot());
  }

  @Operation
  public Object awaitAtLeast(@Param(name = "key") int key, @Param(name = "amount") int least)
      throws InterruptedException {
    try {
      return state.awaitUntil(
          SharedStateModel.key(key), value -> value != null && value >= least, Duration.ofMillis(1));
    } catch (TimeoutException e) {
      return SharedStateModel.TIMED_OUT;
    }
  }

  static String describe(Snapshot view) {
    return SharedStateModel.describe(view.get(SharedStateModel.A), view.get(SharedStateModel.B));
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions()
        .sequentialSpecification(SharedStateModel.class)
        .iterations(4)
        .invocationsPerIteration(150)
        .threads(3)
        .actorsPerThread(2)
        .actorsBefore(1)
        .actorsAfter(1)
        .check(getClass());
  }

  @Test
  void stress() {
    new StressOptions()
        .sequentialSpecification(SharedStateModel.class)
        .iterations(10)
        .invocationsPerIteration(200)
        .threads(3)
        .actorsPerThread(3)
        .check(getClass());
  }
}
