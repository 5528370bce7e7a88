package dev.patchbay.runtime.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class MapBoundedTest {

  private static final long WAIT = 30;

  private final TaskScheduler tasks = TaskScheduler.create();

  @AfterEach
  void close() {
    tasks.shutdown(Duration.ZERO);
  }

  private static List<Integer> range(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  @Test
  void neverRunsMoreThanMaxConcurrency_andReachesIt() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    // The first three items meet at a barrier: the batch must reach three at once, and the counter
    // shows it never goes beyond.
    CyclicBarrier firstThree = new CyclicBarrier(3);
    List<ItemResult<Integer, Integer>> results =
        tasks.mapBounded(range(60), item -> {
          int now = inFlight.incrementAndGet();
          maxInFlight.accumulateAndGet(now, Math::max);
          try {
            if (item < 3) {
              firstThree.await(WAIT, TimeUnit.SECONDS);
            }
            Thread.yield();
            return item;
          } finally {
            inFlight.decrementAndGet();
          }
        }, 3).get(WAIT, TimeUnit.SECONDS);

    assertEquals(3, maxInFlight.get());
    assertEquals(60, results.size());
    assertTrue(results.stream().allMatch(ItemResult::isSuccess));
  }

  @Test
  void resultsKeepInputOrder_andOneFailureLosesNothingElse() throws Exception {
    List<ItemResult<Integer, Integer>> results =
        tasks.mapBounded(range(10), item -> {
          if (item == 3 || item == 7) {
            throw new IllegalArgumentException("bad item " + item);
          }
          // Later items finish first, so order cannot come from completion order.
          Thread.sleep(10 - item);
          return item * 2;
        }, 4).get(WAIT, TimeUnit.SECONDS);

    for (int i = 0; i < 10; i++) {
      ItemResult<Integer, Integer> result = results.get(i);
      assertEquals(i, result.index());
      assertEquals(i, result.item());
      if (i == 3 || i == 7) {
        assertFalse(result.isSuccess());
        assertEquals("bad item " + i, result.error().getMessage());
        NoSuchElementException noValue = assertThrows(NoSuchElementException.class, result::value);
        assertEquals(result.error(), noValue.getCause());
      } else {
        assertEquals(i * 2, result.value());
      }
    }
  }

  @Test
  void emptyInput_completesWithNoResults() throws Exception {
    assertEquals(List.of(), tasks.mapBounded(List.<String>of(), String::length, 2).get(WAIT, TimeUnit.SECONDS));
  }

  @Test
  void cancel_interruptsRunningItems_andStartsNoMore() throws Exception {
    AtomicInteger started = new AtomicInteger();
    CountDownLatch twoRunning = new CountDownLatch(2);
    CountDownLatch interrupted = new CountDownLatch(2);
    CompletableFuture<List<ItemResult<Integer, Integer>>> batch =
        tasks.mapBounded(range(100), item -> {
          started.incrementAndGet();
          twoRunning.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
          }
          return item;
        }, 2);
    assertTrue(twoRunning.await(WAIT, TimeUnit.SECONDS));

    assertTrue(batch.cancel(/* mayInterruptIfRunning= */ true));

    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS), "both running items saw the interrupt");
    assertThrows(CancellationException.class, batch::join);
    tasks.shutdown(Duration.ofSeconds(WAIT)); // waits for the workers to leave
    assertEquals(2, started.get(), "no item started after the cancel");
  }

  @Test
  void shutdown_letsTheBatchFinishWithinTheGracePeriod() throws Exception {
    CompletableFuture<List<ItemResult<Integer, Integer>>> batch =
        tasks.mapBounded(range(5), item -> {
          Thread.sleep(2);
          return item;
        }, 1);

    assertTrue(tasks.shutdown(Duration.ofSeconds(WAIT)).isClean());
    assertTrue(batch.get(WAIT, TimeUnit.SECONDS).stream().allMatch(ItemResult::isSuccess));
  }

  @Test
  void shutdown_afterTheGracePeriod_failsUnstartedItems_andReportsThem() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CompletableFuture<List<ItemResult<Integer, Integer>>> batch =
        tasks.mapBounded(range(5), item -> {
          running.countDown();
          new CountDownLatch(1).await(); // until interrupted
          return item;
        }, 1);
    assertTrue(running.await(WAIT, TimeUnit.SECONDS));

    ShutdownReport report = tasks.shutdown(Duration.ofMillis(20));

    List<ItemResult<Integer, Integer>> results = batch.get(WAIT, TimeUnit.SECONDS);
    assertInstanceOf(InterruptedException.class, results.get(0).error());
    for (int i = 1; i < 5; i++) {
      assertInstanceOf(CancellationException.class, results.get(i).error());
    }
    assertEquals(
        List.of("mapBounded item 1 (1)", "mapBounded item 2 (2)", "mapBounded item 3 (3)", "mapBounded item 4 (4)"),
        report.neverStarted());
    assertEquals(List.of("mapBounded worker 1 of 1"), report.interrupted());
  }

  // Every item gets this long, the fast ones included: seconds, so that a GC pause or a busy machine
  // never times out an item that was meant to finish. Only item 1 waits for it, once.
  private static final Duration ITEM_TIMEOUT = Duration.ofSeconds(2);

  @Test
  void itemTimeout_interruptsOnlyTheSlowItem_andTheWorkerGoesOn() throws Exception {
    CountDownLatch interrupted = new CountDownLatch(1);
    List<ItemResult<Integer, Integer>> results =
        tasks.mapBounded(range(4), item -> {
          if (item == 1) {
            try {
              new CountDownLatch(1).await();
            } catch (InterruptedException e) {
              interrupted.countDown();
              throw e;
            }
          }
          Thread.sleep(1); // would throw if the interrupt for item 1 leaked into later items
          return item * 10;
        }, 1, ITEM_TIMEOUT).get(WAIT, TimeUnit.SECONDS);

    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS));
    assertInstanceOf(java.util.concurrent.TimeoutException.class, results.get(1).error());
    assertTrue(results.get(1).error().getMessage().contains("Item 1 (1)"), results.get(1).error().getMessage());
    assertEquals(0, results.get(0).value());
    assertEquals(20, results.get(2).value());
    assertEquals(30, results.get(3).value());
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> tasks.mapBounded(range(3), item -> item, 0));
    assertThrows(NullPointerException.class, () -> tasks.mapBounded(java.util.Arrays.asList(1, null), item -> item, 1));
  }
}
