package dev.patchbay.benchmarks.tasks;

import dev.patchbay.runtime.tasks.ItemResult;
import dev.patchbay.runtime.tasks.TaskScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs many short blocking tasks with bounded concurrency in its own JVM and prints how long
 * each repetition took.
 *
 * <p>Usage: {@code MapBoundedProbe mapBounded|mapBounded-sized|fixed-pool <tasks> <sleepMillis>
 * <concurrency> <repetitions>}; prints {@code RUN <rep> <nanos> <threadsSeen>}. Repetition 0 is
 * the JVM's first and includes creating the threads.
 */
public final class MapBoundedProbe {
  private MapBoundedProbe() {}

  /**
   * Entry point.
   *
   * @param args approach, tasks, sleep per task in ms, concurrency, repetitions
   * @throws Exception when a task fails
   */
  public static void main(String[] args) throws Exception {
    String approach = args[0];
    int tasks = Integer.parseInt(args[1]);
    long sleepMs = Long.parseLong(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    int reps = Integer.parseInt(args[4]);
    List<Integer> items = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      items.add(i);
    }
    switch (approach) {
      case "mapBounded" -> {
        try (TaskScheduler scheduler = TaskScheduler.create()) {
          System.out.println("VIRTUAL " + scheduler.usesVirtualThreads());
          runMapBounded(scheduler, items, sleepMs, concurrency, reps);
        }
      }
      case "mapBounded-sized" -> {
        // Platform threads sized to the concurrency, for JDKs without virtual threads.
        try (TaskScheduler scheduler = TaskScheduler.builder().virtualThreads(false)
            .ioThreads(concurrency).build()) {
          System.out.println("VIRTUAL " + scheduler.usesVirtualThreads());
          runMapBounded(scheduler, items, sleepMs, concurrency, reps);
        }
      }
      case "fixed-pool" -> {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
          for (int rep = 0; rep <= reps; rep++) {
            List<Callable<Integer>> work = new ArrayList<>(tasks);
            for (Integer item : items) {
              work.add(() -> {
                Thread.sleep(sleepMs);
                return item;
              });
            }
            long t0 = System.nanoTime();
            long sum = 0;
            for (Future<Integer> f : pool.invokeAll(work)) {
              sum += f.get();
            }
            long t1 = System.nanoTime();
            check(sum, tasks);
            System.out.println("RUN " + rep + " " + (t1 - t0));
          }
        } finally {
          pool.shutdownNow();
        }
      }
      default -> throw new IllegalArgumentException("unknown approach " + approach);
    }
  }

  private static void runMapBounded(TaskScheduler scheduler, List<Integer> items, long sleepMs,
      int concurrency, int reps) throws Exception {
    for (int rep = 0; rep <= reps; rep++) {
      long t0 = System.nanoTime();
      List<ItemResult<Integer, Integer>> results = scheduler.mapBounded(items, item -> {
        Thread.sleep(sleepMs);
        return item;
      }, concurrency).get();
      long t1 = System.nanoTime();
      long sum = 0;
      for (ItemResult<Integer, Integer> r : results) {
        sum += r.value();
      }
      check(sum, items.size());
      System.out.println("RUN " + rep + " " + (t1 - t0));
    }
  }

  private static void check(long sum, int tasks) {
    long expected = (long) tasks * (tasks - 1) / 2;
    if (sum != expected) {
      throw new IllegalStateException("results sum to " + sum + ", expected " + expected);
    }
  }
}
