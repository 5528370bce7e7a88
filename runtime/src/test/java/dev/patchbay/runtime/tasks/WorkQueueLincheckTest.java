package dev.patchbay.runtime.tasks;

import java.time.Duration;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Lincheck checks that offering, polling and closing a {@link WorkQueue} concurrently is
 * linearizable against {@link WorkQueueModel}, a bounded FIFO list with a closed flag.
 *
 * <p>The queue has no consumer threads here: the test threads poll the way a consumer does, so
 * every operation runs under Lincheck's control. Offers do not wait: the model checker makes
 * System.nanoTime() a constant, so a timed wait for space would never time out under it.
 */
@Param(name = "item", gen = IntGen.class, conf = "1:4")
public class WorkQueueLincheckTest {

  /** Lincheck creates one instance per scenario run. */
  public WorkQueueLincheckTest() {}

  // Only the owner of queues that never start a consumer: close() tells it to forget the queue.
  private static final DefaultTaskScheduler OWNER =
      (DefaultTaskScheduler) TaskScheduler.builder().build();

  private final DefaultWorkQueue<Integer> queue =
      new DefaultWorkQueue<>("lincheck", WorkQueueModel.CAPACITY, 0, item -> { }, OWNER);

  @AfterAll
  static void shutDown() {
    OWNER.shutdown(Duration.ZERO);
  }

  @Operation
  public Object offer(@Param(name = "item") int item) throws InterruptedException {
    try {
      return queue.offer(item, Duration.ZERO);
    } catch (IllegalStateException closed) {
      return WorkQueueModel.CLOSED;
    }
  }

  @Operation
  public Integer poll() {
    return queue.poll();
  }

  @Operation
  public int size() {
    return queue.size();
  }

  @Operation
  public void close() {
    queue.close();
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions()
        .sequentialSpecification(WorkQueueModel.class)
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
        .sequentialSpecification(WorkQueueModel.class)
        .iterations(10)
        .invocationsPerIteration(100)
        .threads(3)
        .actorsPerThread(3)
        .check(getClass());
  }
}
