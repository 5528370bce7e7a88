package dev.patchbay.samples.threads;

import dev.patchbay.runtime.tasks.TaskScheduler;
import dev.patchbay.samples.CliErrors;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code threads semaphore}: many tasks, few permits; the semaphore keeps the number of tasks
 * inside the guarded section at or below the permits, which the demo measures.
 */
@Command(name = "semaphore", mixinStandardHelpOptions = true,
    description = "Bounded access: a Semaphore lets at most N of many tasks use a resource at once.")
final class SemaphoreDemo implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--tasks", paramLabel = "N", defaultValue = "8", description = "Tasks wanting the resource (default: ${DEFAULT-VALUE}).")
  int tasks;

  @Option(names = "--permits", paramLabel = "N", defaultValue = "2", description = "How many may use it at once (default: ${DEFAULT-VALUE}).")
  int permits;

  @Override
  public Integer call() throws Exception {
    if (tasks < 1 || permits < 1) {
      throw new ParameterException(spec.commandLine(), "--tasks and --permits must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Semaphore semaphore = new Semaphore(permits);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    out.printf(Locale.ROOT, "%d tasks share a resource guarded by a Semaphore(%d).%n", tasks, permits);
    try (TaskScheduler scheduler = TaskScheduler.create()) {
      List<CompletableFuture<Void>> running = new ArrayList<>();
      for (int i = 1; i <= tasks; i++) {
        int task = i;
        running.add(scheduler.submit(() -> {
          semaphore.acquire();
          try {
            int now = inside.incrementAndGet();
            maxInside.accumulateAndGet(now, Math::max);
            Thread.sleep(20); // "using the resource", long enough for the others to queue up
            synchronized (out) {
              out.printf(Locale.ROOT, "  task %d used the resource (%d inside at its start)%n", task, now);
            }
            inside.decrementAndGet();
          } finally {
            semaphore.release();
          }
          return null;
        }));
      }
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
    }
    out.printf(Locale.ROOT, "Most tasks inside at once: %d (permits: %d, within the limit: %s)%n",
        maxInside.get(), permits, maxInside.get() <= permits);
    return CliErrors.OK;
  }
}
