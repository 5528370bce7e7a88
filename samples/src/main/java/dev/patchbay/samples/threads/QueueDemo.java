package dev.patchbay.samples.threads;

import dev.patchbay.runtime.tasks.TaskScheduler;
import dev.patchbay.runtime.tasks.WorkQueue;
import dev.patchbay.samples.CliErrors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code threads queue}: producer/consumer twice: first by hand with a bounded
 * {@link BlockingQueue} and poison pills, then with the runtime's {@link WorkQueue}, which needs
 * neither the pills nor the thread management.
 */
@Command(name = "queue", mixinStandardHelpOptions = true,
    description = "Producer/consumer: a BlockingQueue with poison pills, then the runtime's WorkQueue.")
final class QueueDemo implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--items", paramLabel = "N", defaultValue = "100", description = "Items produced (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--consumers", paramLabel = "N", defaultValue = "3", description = "Consumer threads (default: ${DEFAULT-VALUE}).")
  int consumers;

  @Option(names = "--capacity", paramLabel = "N", defaultValue = "5", description = "Queue capacity; a full queue blocks the producer (default: ${DEFAULT-VALUE}).")
  int capacity;

  // A value no producer makes: each consumer stops when it takes one.
  private static final int POISON_PILL = -1;

  @Override
  public Integer call() throws InterruptedException {
    if (items < 1 || consumers < 1 || capacity < 1) {
      throw new ParameterException(spec.commandLine(), "--items, --consumers and --capacity must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    long expected = (long) items * (items + 1) / 2;
    out.printf(Locale.ROOT, "Producing the numbers 1..%d for %d consumers through a queue of capacity %d; expected sum %,d.%n",
        items, consumers, capacity, expected);

    out.println("1. ArrayBlockingQueue, one producer thread, consumer threads, a poison pill each:");
    BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(capacity);
    LongAdder handSum = new LongAdder();
    int maxQueued = 0; // only the producer (this thread) reads the size
    List<Thread> threads = new ArrayList<>();
    for (int c = 1; c <= consumers; c++) {
      Thread consumer = new Thread(() -> {
        try {
          for (int item = queue.take(); item != POISON_PILL; item = queue.take()) {
            handSum.add(item);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "consumer-" + c);
      threads.add(consumer);
      consumer.start();
    }
    for (int i = 1; i <= items; i++) {
      queue.put(i); // blocks while the queue is full: backpressure on the producer
      maxQueued = Math.max(maxQueued, queue.size());
    }
    for (int c = 0; c < consumers; c++) {
      queue.put(POISON_PILL);
    }
    for (Thread t : threads) {
      t.join();
    }
    out.printf(Locale.ROOT, "   sum %,d (correct: %s), never more than %d queued (capacity %d)%n",
        handSum.sum(), handSum.sum() == expected, maxQueued, capacity);

    out.println("2. The runtime's WorkQueue: consumers on the scheduler, close() drains, no pills:");
    LongAdder queueSum = new LongAdder();
    long handled;
    try (TaskScheduler scheduler = TaskScheduler.create()) {
      WorkQueue<Integer> work = scheduler.<Integer>workQueue("numbers", capacity, consumers, n -> queueSum.add(n));
      try (work) {
        for (int i = 1; i <= items; i++) {
          work.put(i);
        }
      }
      handled = work.handled();
    }
    out.printf(Locale.ROOT, "   sum %,d (correct: %s), %d items handled%n", queueSum.sum(), queueSum.sum() == expected, handled);
    return CliErrors.OK;
  }
}
