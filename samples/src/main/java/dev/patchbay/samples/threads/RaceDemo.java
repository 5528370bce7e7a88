package dev.patchbay.samples.threads;

import dev.patchbay.runtime.state.Key;
import dev.patchbay.runtime.state.SharedState;
import dev.patchbay.samples.CliErrors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code threads race}: several threads increment one counter; without synchronisation updates
 * are lost, and each fix (a monitor, a lock, an atomic, an adder, {@code SharedState.update})
 * counts every one.
 */
@Command(name = "race", mixinStandardHelpOptions = true,
    description = "Lost updates on an unsynchronised counter, then five fixes that count every increment.")
final class RaceDemo implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "4", description = "Threads incrementing at once (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--increments", paramLabel = "N", defaultValue = "1000000", description = "Increments per thread (default: ${DEFAULT-VALUE}).")
  int increments;

  /** A counter with every kind of increment side by side. */
  private static final class Counters {
    // volatile makes each read and write reach memory, so the race is the classic
    // read-modify-write one, not the JIT merging increments in a register.
    volatile long unsafe;
    long monitor;
    long locked;
    final ReentrantLock lock = new ReentrantLock();
    final AtomicLong atomic = new AtomicLong();
    final LongAdder adder = new LongAdder();
  }

  private static final Key<Long> COUNT = Key.of("count", Long.class);

  @Override
  // The unsynchronised counter++ loses updates on purpose: that is what the demo shows.
  @SuppressWarnings("NonAtomicVolatileUpdate")
  public Integer call() throws InterruptedException {
    if (threads < 1 || increments < 1) {
      throw new ParameterException(spec.commandLine(), "--threads and --increments must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    long expected = (long) threads * increments;
    out.printf(Locale.ROOT, "%d threads x %,d increments = %,d expected%n%n", threads, increments, expected);
    Counters c = new Counters();
    SharedState state = SharedState.create();
    state.set(COUNT, 0L);

    // The lesson is what raw threads do to shared data, so raw threads it is.
    report(out, "unsynchronised counter++", expected, race(() -> c.unsafe++), () -> c.unsafe);
    boolean lost = c.unsafe != expected;
    report(out, "synchronized block", expected, race(() -> {
      synchronized (c) {
        c.monitor++;
      }
    }), () -> c.monitor);
    report(out, "ReentrantLock", expected, race(() -> {
      c.lock.lock();
      try {
        c.locked++;
      } finally {
        c.lock.unlock();
      }
    }), () -> c.locked);
    report(out, "AtomicLong.incrementAndGet", expected, race(c.atomic::incrementAndGet), c.atomic::get);
    report(out, "LongAdder.increment", expected, race(c.adder::increment), c.adder::sum);
    report(out, "SharedState.update", expected, race(() -> state.update(COUNT, n -> n + 1)), () -> state.get(COUNT));
    out.println();
    if (!lost) {
      out.println("No update was lost this time: the threads hardly overlapped (a busy or single-core machine).");
      out.println("Run it again or raise --increments; the unsynchronised counter gives no guarantee either way.");
    }
    out.println("Only the first can lose updates: counter++ is read, add, write, and two threads can read the same value.");
    out.println("Java threads run truly in parallel (there is no GIL), so the race shows up on any multi-core machine.");
    return CliErrors.OK;
  }

  private long race(Runnable increment) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    // A start gate: without it the first thread may be done before the last one starts, and
    // threads that never overlap cannot race.
    CountDownLatch gate = new CountDownLatch(1);
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < increments; i++) {
          increment.run();
        }
      }, "race-" + t);
      workers.add(worker);
      worker.start();
    }
    long start = System.nanoTime();
    gate.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    return System.nanoTime() - start;
  }

  private static void report(PrintWriter out, String name, long expected, long nanos, java.util.function.LongSupplier actual) {
    long got = actual.getAsLong();
    String verdict = got == expected ? "correct" : String.format(Locale.ROOT, "LOST %,d updates", expected - got);
    out.printf(Locale.ROOT, "  %-28s expected %,12d  actual %,12d  %-22s (%d ms)%n", name, expected, got, verdict, nanos / 1_000_000);
  }
}
