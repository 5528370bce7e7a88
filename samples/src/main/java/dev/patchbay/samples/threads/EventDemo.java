package dev.patchbay.samples.threads;

import dev.patchbay.samples.CliErrors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code threads event}: Java's answer to Python's {@code threading.Event} is a
 * {@link CountDownLatch} of one: workers wait for "go", the main thread signals once, and a second
 * latch tells the main thread that every worker is ready.
 */
@Command(name = "event", mixinStandardHelpOptions = true,
    description = "Threads wait for a signal (CountDownLatch, Java's Event) and all start together.")
final class EventDemo implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--workers", paramLabel = "N", defaultValue = "3", description = "Waiting workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch ready = new CountDownLatch(workers);
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(workers);
    ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i <= workers; i++) {
      String name = "worker-" + i;
      Thread t = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
          log.add(name + " saw the event and started");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      }, name);
      threads.add(t);
      t.start();
    }
    ready.await();
    out.printf(Locale.ROOT, "%d workers are waiting on the event; none has started: %s%n", workers, log.isEmpty() ? "true" : "false");
    out.println("main: setting the event (go.countDown())");
    go.countDown();
    boolean allDone = done.await(30, TimeUnit.SECONDS);
    for (Thread t : threads) {
      t.join();
    }
    log.stream().sorted().forEach(line -> out.println("  " + line));
    out.printf(Locale.ROOT, "all %d workers started after the event: %s%n", workers, allDone && log.size() == workers);
    out.println("A latch opens once and stays open, like an Event that is set and never cleared;");
    out.println("for an event that can be cleared and set again, use a Phaser or a Condition.");
    return CliErrors.OK;
  }
}
