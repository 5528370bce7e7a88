package dev.patchbay.runtime.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class WorkQueueTest {

  private static final long WAIT = 30;

  private final List<TaskFailure> failures = new CopyOnWriteArrayList<>();
  private final TaskScheduler tasks = TaskScheduler.builder().onFailure(failures::add).build();

  @AfterEach
  void close() {
    tasks.shutdown(Duration.ZERO);
  }

  @Test
  void fullQueue_blocksProducers_untilConsumersTakeItems() throws Exception {
    CountDownLatch firstTaken = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    List<Integer> handled = new CopyOnWriteArrayList<>();
    WorkQueue<Integer> queue =
        tasks.workQueue("gated", 2, 1, item -> {
          firstTaken.countDown();
          gate.await();
          handled.add(item);
        });
    queue.put(1);
    assertTrue(firstTaken.await(WAIT, TimeUnit.SECONDS)); // the consumer holds item 1
    queue.put(2);
    queue.put(3);

    assertEquals(2, queue.size());
    assertFalse(queue.offer(4, Duration.ZERO), "a full queue refuses instead of growing");
    Thread producer = new Thread(() -> {
      try {
        queue.put(4); // blocks until the consumer makes room
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    producer.start();
    gate.countDown();
    producer.join(TimeUnit.SECONDS.toMillis(WAIT));
    assertFalse(producer.isAlive());

    queue.close(); // drains: every accepted item is handled before close returns
    assertEquals(List.of(1, 2, 3, 4), handled);
    assertEquals(4, queue.handled());
  }

  @Test
  void close_drainsWithoutPoisonPills_andRefusesLaterItems() throws Exception {
    List<String> handled = new CopyOnWriteArrayList<>();
    WorkQueue<String> queue = tasks.workQueue("words", 100, 3, handled::add);
    for (int i = 0; i < 50; i++) {
      queue.put("w" + i);
    }
    queue.close();

    assertEquals(50, handled.size());
    IllegalStateException closed = assertThrows(IllegalStateException.class, () -> queue.put("late"));
    assertTrue(closed.getMessage().contains("'words'"), closed.getMessage());
  }

  @Test
  void failingItem_isReported_andTheConsumerGoesOn() throws Exception {
    List<Integer> handled = new CopyOnWriteArrayList<>();
    WorkQueue<Integer> queue = tasks.workQueue("numbers", 10, 1, item -> {
      if (item == 2) {
        throw new IllegalArgumentException("no twos");
      }
      handled.add(item);
    });
    for (int i = 1; i <= 4; i++) {
      queue.put(i);
    }
    queue.close();

    assertEquals(List.of(1, 3, 4), handled);
    assertEquals(1, queue.failed());
    assertEquals(4, queue.handled());
    assertEquals(1, failures.size());
    assertEquals("no twos", failures.get(0).error().getMessage());
  }

  @Test
  void schedulerShutdown_drainsWithinTheGracePeriod() throws Exception {
    List<String> handled = new CopyOnWriteArrayList<>();
    WorkQueue<String> queue = tasks.workQueue("drained", 10, 1, item -> {
      Thread.sleep(5);
      handled.add(item);
    });
    queue.put("a");
    queue.put("b");

    ShutdownReport report = tasks.shutdown(Duration.ofSeconds(WAIT));

    assertTrue(report.isClean(), report::toString);
    assertEquals(List.of("a", "b"), handled);
    assertThrows(IllegalStateException.class, () -> queue.put("c"));
  }

  @Test
  void schedulerShutdown_afterTheGracePeriod_reportsItemsNoConsumerTook() throws Exception {
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    WorkQueue<String> queue = tasks.workQueue("stuck", 10, 1, item -> {
      taken.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
    });
    queue.put("a");
    assertTrue(taken.await(WAIT, TimeUnit.SECONDS));
    queue.put("b");
    queue.put("c");

    ShutdownReport report = tasks.shutdown(Duration.ofMillis(20));

    assertEquals(List.of("work queue 'stuck' item b", "work queue 'stuck' item c"), report.neverStarted());
    assertEquals(List.of("consumer 1 of work queue 'stuck'"), report.interrupted());
    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS));
    queue.close(); // returns at once: the consumers are gone
  }
}
