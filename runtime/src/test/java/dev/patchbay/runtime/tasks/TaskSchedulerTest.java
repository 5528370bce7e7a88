package dev.patchbay.runtime.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TaskSchedulerTest {

  private static final long WAIT = 30; // seconds; a generous bound for latches, never a timing assertion

  private final List<TaskFailure> failures = new CopyOnWriteArrayList<>();
  private final TaskScheduler tasks = TaskScheduler.builder().onFailure(failures::add).build();

  @AfterEach
  void close() {
    tasks.shutdown(Duration.ZERO);
  }

  /** Blocks until interrupted, then counts the interrupt it observed. */
  private static Void blockUntilInterrupted(CountDownLatch started, CountDownLatch interrupted) {
    started.countDown();
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      interrupted.countDown();
    }
    return null;
  }

  @Test
  void submit_runsOnTheIoPool_andSubmitCpuOnTheCpuPool() throws Exception {
    assertEquals(42, tasks.submit(() -> 42).get(WAIT, TimeUnit.SECONDS));
    String cpuThread = tasks.submitCpu(() -> Thread.currentThread().getName()).get(WAIT, TimeUnit.SECONDS);
    assertTrue(cpuThread.startsWith("patchbay-cpu-"), cpuThread);
  }

  @Test
  void ioPool_usesVirtualThreadsExactlyWhenTheJvmHasThem() throws Exception {
    boolean expected = Runtime.version().feature() >= 21;
    assertEquals(expected, tasks.usesVirtualThreads());
    String name = tasks.submit(() -> Thread.currentThread().toString()).get(WAIT, TimeUnit.SECONDS);
    assertEquals(expected, name.startsWith("VirtualThread"), name);
    try (TaskScheduler platform = TaskScheduler.builder().virtualThreads(false).build()) {
      assertFalse(platform.usesVirtualThreads());
      assertTrue(platform.submit(() -> Thread.currentThread().getName()).get(WAIT, TimeUnit.SECONDS).startsWith("patchbay-io-"));
    }
  }

  @Test
  void failingTask_completesItsFutureExceptionally() {
    CompletableFuture<Object> future = tasks.submit(() -> {
      throw new java.io.IOException("disk gone");
    });
    ExecutionException error = assertThrows(ExecutionException.class, () -> future.get(WAIT, TimeUnit.SECONDS));
    assertEquals("disk gone", error.getCause().getMessage());
  }

  @Test
  void timeout_interruptsTheWork() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    CompletableFuture<Void> future = tasks.submit(() -> blockUntilInterrupted(started, interrupted), Duration.ofMillis(50));

    ExecutionException error = assertThrows(ExecutionException.class, () -> future.get(WAIT, TimeUnit.SECONDS));
    assertInstanceOf(TimeoutException.class, error.getCause());
    assertTrue(error.getCause().getMessage().contains("PT0.05S"), error.getCause().getMessage());
    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS), "the task itself saw the interrupt");
  }

  @Test
  void timeout_doesNotFireForWorkThatFinishes() throws Exception {
    assertEquals("quick", tasks.submit(() -> "quick", Duration.ofSeconds(WAIT)).get(WAIT, TimeUnit.SECONDS));
  }

  @Test
  void cancelWithInterrupt_interruptsTheRunningTask() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    CompletableFuture<Void> future = tasks.submit(() -> blockUntilInterrupted(started, interrupted));
    assertTrue(started.await(WAIT, TimeUnit.SECONDS));

    assertTrue(future.cancel(/* mayInterruptIfRunning= */ true));
    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS));
    assertThrows(CancellationException.class, future::join);
  }

  @Test
  void schedule_runsAfterTheDelay_andACancelledOneNeverRuns() throws Exception {
    AtomicInteger ran = new AtomicInteger();
    CompletableFuture<Integer> never = tasks.schedule(ran::incrementAndGet, Duration.ofHours(1));
    assertEquals("later", tasks.schedule(() -> "later", Duration.ofMillis(10)).get(WAIT, TimeUnit.SECONDS));
    assertTrue(never.cancel(false));
    assertEquals(0, ran.get());
  }

  @Test
  void fixedRateJob_survivesFailingRuns_andReportsThem() throws Exception {
    CountDownLatch fiveRuns = new CountDownLatch(5);
    AtomicInteger attempt = new AtomicInteger();
    ScheduledJob job =
        tasks.scheduleAtFixedRate("flaky", Duration.ZERO, Duration.ofMillis(2), () -> {
          fiveRuns.countDown();
          if (attempt.incrementAndGet() % 2 == 1) {
            throw new IllegalStateException("run " + attempt.get() + " fails");
          }
        });
    assertTrue(fiveRuns.await(WAIT, TimeUnit.SECONDS), "the job kept running after its first failure");
    job.cancel();

    assertTrue(job.isCancelled());
    assertTrue(job.failures() >= 2, job::toString);
    assertTrue(failures.size() >= 2);
    assertEquals("fixed-rate job 'flaky'", failures.get(0).source());
    assertEquals("run 1 fails", failures.get(0).error().getMessage());
  }

  @Test
  void fixedRateJob_rejectsANonPositivePeriod() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> tasks.scheduleAtFixedRate("zero", Duration.ZERO, Duration.ZERO, () -> {}));
    assertTrue(error.getMessage().contains("'zero'"), error.getMessage());
  }

  @Test
  void shutdown_letsRunningWorkFinishWithinTheGracePeriod() {
    CompletableFuture<String> slow = tasks.submit(() -> {
      Thread.sleep(50);
      return "finished";
    });
    ShutdownReport report = tasks.shutdown(Duration.ofSeconds(WAIT));

    assertTrue(report.isClean(), report::toString);
    assertEquals("finished", slow.getNow("not yet"));
    assertThrows(RejectedExecutionException.class, () -> tasks.submit(() -> 1));
    assertTrue(report == tasks.shutdown(Duration.ZERO), "a second shutdown returns the first report");
  }

  @Test
  void shutdown_runsQueuedTasksWithinTheGracePeriod() throws Exception {
    TaskScheduler oneThread = TaskScheduler.builder().virtualThreads(false).ioThreads(1).build();
    CompletableFuture<String> first = oneThread.submit(() -> {
      Thread.sleep(20);
      return "first";
    });
    CompletableFuture<String> queued = oneThread.submit(() -> "queued");

    assertTrue(oneThread.shutdown(Duration.ofSeconds(WAIT)).isClean());
    assertEquals("first", first.get(WAIT, TimeUnit.SECONDS));
    assertEquals("queued", queued.get(WAIT, TimeUnit.SECONDS));
  }

  @Test
  void shutdown_interruptsAfterTheGracePeriod_andReportsWhatNeverStarted() throws Exception {
    TaskScheduler oneThread = TaskScheduler.builder().virtualThreads(false).ioThreads(1).build();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    CompletableFuture<Void> running = oneThread.submit(() -> blockUntilInterrupted(started, interrupted));
    assertTrue(started.await(WAIT, TimeUnit.SECONDS));
    CompletableFuture<Integer> queued = oneThread.submit(() -> 1);
    CompletableFuture<Integer> delayed = oneThread.schedule(() -> 2, Duration.ofHours(1));

    ShutdownReport report = oneThread.shutdown(Duration.ofMillis(20));

    assertEquals(List.of("task #2", "task #3 scheduled after PT1H"), report.neverStarted().stream().sorted().toList());
    assertEquals(List.of("task #1"), report.interrupted());
    assertTrue(report.terminated());
    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS));
    assertTrue(queued.isCancelled() && delayed.isCancelled(), "callers of work that never ran do not hang");
    assertTrue(running.isDone());
  }
}
