package dev.patchbay.samples.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import org.junit.jupiter.api.Test;

final class ThreadsLessonsTest {

  @Test
  void race_everyFixCountsEachIncrement() {
    CliRunner.Result result = CliRunner.run("threads", "race", "--threads", "3", "--increments", "20000");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    for (String fix : new String[] {"synchronized block", "ReentrantLock", "AtomicLong.incrementAndGet",
        "LongAdder.increment", "SharedState.update"}) {
      String line = result.out().lines().filter(l -> l.contains(fix)).findFirst().orElseThrow();
      assertTrue(line.contains("actual       60,000") && line.contains("correct"), () -> line + "\n" + result);
    }
    String unsafe = result.out().lines().filter(l -> l.contains("unsynchronised counter++")).findFirst().orElseThrow();
    // Whether updates are lost depends on the scheduling, so only the shape of the line is certain.
    assertTrue(unsafe.contains("expected       60,000") && (unsafe.contains("LOST") || unsafe.contains("correct")), unsafe);
  }

  @Test
  void semaphore_neverLetsMoreThanThePermitsIn() {
    CliRunner.Result result = CliRunner.run("threads", "semaphore", "--tasks", "6", "--permits", "2");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertEquals(6, result.out().lines().filter(l -> l.contains("used the resource")).count(), result::toString);
    assertTrue(result.out().contains("(permits: 2, within the limit: true)"), result::toString);
  }

  @Test
  void queue_bothWaysDeliverEveryItemOnce() {
    CliRunner.Result result = CliRunner.run("threads", "queue", "--items", "100", "--capacity", "3");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertEquals(2, result.out().lines().filter(l -> l.contains("sum 5,050 (correct: true)")).count(), result::toString);
    assertTrue(result.out().contains("100 items handled"), result::toString);
  }

  @Test
  void cpu_sequentialThreadsAndProcessesAgree() {
    CliRunner.Result result = CliRunner.run("threads", "cpu", "--limit", "20000", "--parts", "2");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("All three agree: true (2,262 primes below 20,000)"), result::toString);
    assertTrue(result.out().contains("2 JVM processes"), result::toString);
    assertTrue(result.out().contains("2 tasks on the CPU pool (threads)"), result::toString);
  }

  @Test
  void cpuWork_countsPrimes() {
    assertEquals(25, CpuWork.countPrimes(0, 100));
    assertEquals(21, CpuWork.countPrimes(100, 200));
    assertTrue(CpuWork.isPrime(5_000_111_000_222_021L));
  }
}
