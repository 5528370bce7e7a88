package dev.patchbay.samples.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

final class ThreadsCommandTest {

  @Test
  void noLesson_isAUsageErrorListingThem() {
    CliRunner.Result result = CliRunner.run("threads");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("race|lock|event|semaphore|queue|deadlock|cpu"), result::toString);
  }

  @Test
  void lock_neverOverdrawsTheLockedAccount() {
    CliRunner.Result result = CliRunner.run("threads", "lock", "--rounds", "50");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("with a lock:    overdrawn in 0 of 50 rounds"), result::toString);
    assertTrue(result.out().contains("without a lock: overdrawn in "), result::toString);
    // Progress after each quarter of the rounds but the last, which the result lines report.
    assertTrue(result.out().contains("  ... 13 of 50 rounds: overdrawn "), result::toString);
    assertTrue(result.out().contains("  ... 39 of 50 rounds: overdrawn "), result::toString);
    assertEquals(3, result.out().split("  \\.\\.\\. ", -1).length - 1, result::toString);
  }

  @Test
  void event_releasesEveryWaitingWorker() {
    CliRunner.Result result = CliRunner.run("threads", "event", "--workers", "4");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("4 workers are waiting on the event; none has started: true"), result::toString);
    for (int i = 1; i <= 4; i++) {
      assertTrue(result.out().contains("worker-" + i + " saw the event and started"), result::toString);
    }
    assertTrue(result.out().contains("all 4 workers started after the event: true"), result::toString);
  }

  @Test
  void deadlock_isDetectedBrokenAndThenAvoided() {
    CliRunner.Result result = CliRunner.run("threads", "deadlock");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.contains("ThreadMXBean.findDeadlockedThreads() reports 2 threads in a cycle"), result::toString);
    assertTrue(out.contains("worker-1 waits for ledger (ReentrantLock$NonfairSync), held by worker-2"), result::toString);
    assertTrue(out.contains("worker-2 waits for accounts (ReentrantLock$NonfairSync), held by worker-1"), result::toString);
    assertTrue(out.contains("was interrupted: it gave up waiting and released ledger"), result::toString);
    assertTrue(out.contains("worker-1 then got both locks and finished its transfer."), result::toString);
    assertTrue(out.contains("Still deadlocked afterwards: no"), result::toString);
    assertTrue(out.contains("Done: 20,000 transfers, no deadlock."), result::toString);
    assertTrue(out.contains("Done: 2,000 transfers, no deadlock ("), result::toString);
    assertTrue(out.matches("(?s).*no deadlock \\(([1-9]\\d*) back-offs.*"), "the first attempt always collides\n" + result);
    assertEquals(null, ManagementFactory.getThreadMXBean().findDeadlockedThreads(), "no thread left deadlocked");
  }
}
