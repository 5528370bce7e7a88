package dev.patchbay.samples.threads;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import java.io.PrintWriter;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code threads deadlock}: two threads take two locks in opposite orders and block each other
 * for real; the JVM's {@link ThreadMXBean} finds the cycle, interrupting the threads breaks it,
 * and then lock ordering and {@code tryLock} with a timeout each avoid it.
 */
@Command(name = "deadlock", mixinStandardHelpOptions = true,
    description = "A real deadlock found by ThreadMXBean and broken, then lock ordering and tryLock avoiding it.")
final class DeadlockDemo implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  private static final long DETECT_WITHIN_MILLIS = 10_000;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    out.println("1. Opposite lock orders: worker-1 takes accounts then ledger, worker-2 ledger then accounts.");
    deadlockDetectAndBreak(out);
    out.println();
    out.println("2. Lock ordering: both workers take accounts before ledger.");
    lockOrdering(out);
    out.println();
    out.println("3. tryLock with a timeout: opposite orders again, but a worker that cannot get its second lock");
    out.println("   in time releases the first, backs off and retries.");
    tryLockWithTimeout(out);
    return CliErrors.OK;
  }

  private void deadlockDetectAndBreak(PrintWriter out) throws InterruptedException {
    ReentrantLock accounts = new ReentrantLock();
    ReentrantLock ledger = new ReentrantLock();
    // Both workers hold their first lock before either asks for its second: the deadlock is certain.
    CyclicBarrier bothHoldOne = new CyclicBarrier(2);
    Map<String, String> outcome = new ConcurrentHashMap<>();
    Thread first = lockingThread("worker-1", accounts, ledger, bothHoldOne, outcome);
    Thread second = lockingThread("worker-2", ledger, accounts, bothHoldOne, outcome);
    Map<String, String> heldBy = Map.of("worker-1", "accounts", "worker-2", "ledger");
    first.start();
    second.start();

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] deadlocked = awaitDeadlock(threads);
    if (deadlocked == null) {
      first.interrupt();
      second.interrupt();
      throw new CommandFailedException("no deadlock appeared within " + DETECT_WITHIN_MILLIS
          + " ms; the machine may be overloaded, run threads deadlock again", null);
    }
    out.println("   ThreadMXBean.findDeadlockedThreads() reports " + deadlocked.length + " threads in a cycle:");
    List<String> cycle = new ArrayList<>();
    for (ThreadInfo info : threads.getThreadInfo(deadlocked)) {
      LockInfo lock = info.getLockInfo();
      String kind = lock == null ? "a lock" : lock.getClassName().replaceFirst(".*\\.", "");
      cycle.add(String.format(Locale.ROOT, "     %s waits for %s (%s), held by %s", info.getThreadName(),
          heldBy.getOrDefault(info.getLockOwnerName(), "a lock"), kind, info.getLockOwnerName()));
    }
    cycle.stream().sorted().forEach(out::println);
    // Breaking a deadlock means choosing a victim. lockInterruptibly() lets an interrupt end its
    // wait; a thread blocked entering a synchronized block could never be freed this way.
    second.interrupt();
    first.join();
    second.join();
    out.println("   Broken: worker-2, chosen as the victim, was interrupted: it " + outcome.get("worker-2")
        + " and released ledger;");
    out.println("   worker-1 then " + outcome.get("worker-1") + ".");
    out.println("   Still deadlocked afterwards: " + (threads.findDeadlockedThreads() == null ? "no" : "yes"));
  }

  private static Thread lockingThread(String name, ReentrantLock firstLock, ReentrantLock secondLock,
      CyclicBarrier bothHoldOne, Map<String, String> outcome) {
    Thread thread = new Thread(() -> {
      try {
        firstLock.lockInterruptibly();
        try {
          bothHoldOne.await();
          secondLock.lockInterruptibly();
          try {
            outcome.put(name, "got both locks and finished its transfer");
          } finally {
            secondLock.unlock();
          }
        } finally {
          firstLock.unlock();
        }
      } catch (InterruptedException | BrokenBarrierException e) {
        outcome.put(name, "gave up waiting");
      }
    }, name);
    // Daemon, so that even a deadlock nobody breaks could not keep the JVM alive.
    thread.setDaemon(true);
    return thread;
  }

  private static long[] awaitDeadlock(ThreadMXBean threads) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DETECT_WITHIN_MILLIS);
    while (System.nanoTime() < deadline) {
      long[] ids = threads.findDeadlockedThreads();
      if (ids != null && ids.length >= 2) {
        return ids;
      }
      Thread.sleep(10); // polling a JVM diagnostic: there is no event to wait on
    }
    return null;
  }

  private void lockOrdering(PrintWriter out) throws InterruptedException {
    ReentrantLock accounts = new ReentrantLock();
    ReentrantLock ledger = new ReentrantLock();
    AtomicInteger transfers = new AtomicInteger();
    Runnable work = () -> {
      for (int i = 0; i < 10_000; i++) {
        // The global order (accounts, then ledger) makes a cycle impossible.
        accounts.lock();
        try {
          ledger.lock();
          try {
            transfers.incrementAndGet();
          } finally {
            ledger.unlock();
          }
        } finally {
          accounts.unlock();
        }
      }
    };
    runBoth(work, work);
    out.printf(Locale.ROOT, "   Done: %,d transfers, no deadlock.%n", transfers.get());
  }

  private void tryLockWithTimeout(PrintWriter out) throws InterruptedException {
    ReentrantLock accounts = new ReentrantLock();
    ReentrantLock ledger = new ReentrantLock();
    AtomicInteger transfers = new AtomicInteger();
    AtomicInteger backoffs = new AtomicInteger();
    // Both take their first lock before either tries its second, so the first attempt collides.
    CyclicBarrier firstAttempt = new CyclicBarrier(2);
    runBoth(() -> transferWithTimeouts(accounts, ledger, firstAttempt, transfers, backoffs),
        () -> transferWithTimeouts(ledger, accounts, firstAttempt, transfers, backoffs));
    out.printf(Locale.ROOT, "   Done: %,d transfers, no deadlock (%d back-offs when the other worker held the second lock).%n",
        transfers.get(), backoffs.get());
  }

  private static void transferWithTimeouts(ReentrantLock firstLock, ReentrantLock secondLock,
      CyclicBarrier firstAttempt, AtomicInteger transfers, AtomicInteger backoffs) {
    try {
      for (int done = 0, attempt = 0; done < 1_000; attempt++) {
        if (firstLock.tryLock(10, TimeUnit.MILLISECONDS)) {
          try {
            if (attempt == 0) {
              firstAttempt.await();
            }
            if (secondLock.tryLock(10, TimeUnit.MILLISECONDS)) {
              try {
                transfers.incrementAndGet();
                done++;
                continue;
              } finally {
                secondLock.unlock();
              }
            }
          } finally {
            firstLock.unlock();
          }
        }
        backoffs.incrementAndGet();
        // A short, thread-dependent pause breaks the symmetry so the two do not retry in lockstep.
        Thread.sleep(1 + (Thread.currentThread().getId() % 3));
      }
    } catch (InterruptedException | BrokenBarrierException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void runBoth(Runnable a, Runnable b) throws InterruptedException {
    Thread first = new Thread(a, "worker-1");
    Thread second = new Thread(b, "worker-2");
    first.setDaemon(true);
    second.setDaemon(true);
    first.start();
    second.start();
    first.join(TimeUnit.SECONDS.toMillis(60));
    second.join(TimeUnit.SECONDS.toMillis(60));
    if (first.isAlive() || second.isAlive()) {
      throw new CommandFailedException("the workers did not finish within 60 s; this should not happen", null);
    }
  }
}
