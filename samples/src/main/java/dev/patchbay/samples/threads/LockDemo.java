package dev.patchbay.samples.threads;

import dev.patchbay.samples.CliErrors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code threads lock}: check-then-act on a shared account. Without a lock, threads that all see
 * enough money all withdraw; with a {@link ReentrantLock} around check and act the balance never
 * goes below zero.
 */
@Command(name = "lock", mixinStandardHelpOptions = true,
    description = "Check-then-act on a shared account: overdrawn without a lock, never with one.")
final class LockDemo implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Threads withdrawing at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "200", description = "Times the race is repeated (default: ${DEFAULT-VALUE}).")
  int rounds;

  /** A balance and the lock that guards it in the safe variant. */
  private static final class Account {
    volatile int balance;
    final ReentrantLock lock = new ReentrantLock();
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (threads < 2 || rounds < 1) {
      throw new ParameterException(spec.commandLine(),
          "threads lock needs --threads 2 or more (a race needs two) and --rounds 1 or more");
    }
    out.printf(Locale.ROOT, "%d threads each try to withdraw 100 from an account holding 100, %,d times.%n",
        threads, rounds);
    out.flush();
    int overdrawnUnsafe = 0;
    int overdrawnLocked = 0;
    // A progress line per quarter, so a long run (many --rounds on a busy machine) shows it moves.
    int progressEvery = Math.max(1, (rounds + 3) / 4);
    for (int round = 1; round <= rounds; round++) {
      if (race(false) < 0) {
        overdrawnUnsafe++;
      }
      if (race(true) < 0) {
        overdrawnLocked++;
      }
      if (round % progressEvery == 0 && round < rounds) {
        out.printf(Locale.ROOT, "  ... %,d of %,d rounds: overdrawn %,d times without a lock, %,d with%n",
            round, rounds, overdrawnUnsafe, overdrawnLocked);
        out.flush();
      }
    }
    out.printf(Locale.ROOT, "  without a lock: overdrawn in %,d of %,d rounds%n", overdrawnUnsafe, rounds);
    out.printf(Locale.ROOT, "  with a lock:    overdrawn in %,d of %,d rounds%n", overdrawnLocked, rounds);
    out.println("The lock makes 'check the balance, then withdraw' one step no other thread can split.");
    return CliErrors.OK;
  }

  private int race(boolean locked) throws InterruptedException {
    Account account = new Account();
    account.balance = 100;
    AtomicInteger arrived = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      // Yields on purpose while waiting for the others to arrive (see below).
      @SuppressWarnings("ThreadPriorityCheck")
      Thread worker = new Thread(() -> {
        // Spin until all threads are running so they really compete for the account.
        arrived.incrementAndGet();
        // yield, not onSpinWait: with more threads than cores, a spinning thread would hold a
        // core that a thread yet to arrive needs, and each round would wait out a time slice.
        while (arrived.get() < threads) {
          Thread.yield();
        }
        if (locked) {
          account.lock.lock();
          try {
            withdraw(account);
          } finally {
            account.lock.unlock();
          }
        } else {
          withdraw(account);
        }
      });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return account.balance;
  }

  // The unsafe check-then-act is the lesson: yield widens the gap, the update is not atomic.
  @SuppressWarnings({"ThreadPriorityCheck", "NonAtomicVolatileUpdate"})
  private static void withdraw(Account account) {
    if (account.balance >= 100) {
      Thread.yield(); // the gap between check and act, where another thread can slip in
      account.balance = account.balance - 100;
    }
  }
}
