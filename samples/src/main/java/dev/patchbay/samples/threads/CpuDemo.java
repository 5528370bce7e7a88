package dev.patchbay.samples.threads;

import dev.patchbay.runtime.tasks.TaskScheduler;
import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code threads cpu}: the same CPU-bound work (counting primes) done sequentially, on the
 * runtime's CPU pool, and in separate JVM processes, with each time and speed-up. Unlike CPython,
 * Java has no global interpreter lock: threads alone use every core.
 */
@Command(name = "cpu", mixinStandardHelpOptions = true,
    description = "CPU-bound work sequentially, on threads and in processes: Java threads use every core (no GIL).")
final class CpuDemo implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "4000000", description = "Count the primes below this (default: ${DEFAULT-VALUE}).")
  long limit;

  @Option(names = "--parts", paramLabel = "N", defaultValue = "4", description = "Pieces the range is split into (default: ${DEFAULT-VALUE}).")
  int parts;

  /** One piece of the range and the time a way of running took. */
  private record Run(String name, long primes, long nanos) {}

  @Override
  public Integer call() throws Exception {
    if (limit < 3 || parts < 1 || parts > 64) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 3 and --parts between 1 and 64");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<long[]> ranges = split();
    int cores = Runtime.getRuntime().availableProcessors();
    out.printf(Locale.ROOT, "Counting the primes below %,d in %d parts; this machine has %d core(s).%n", limit, parts, cores);

    Run sequential = time("sequential, one thread", () -> {
      long total = 0;
      for (long[] range : ranges) {
        total += CpuWork.countPrimes(range[0], range[1]);
      }
      return total;
    });
    Run threads;
    try (TaskScheduler scheduler = TaskScheduler.create()) {
      threads = time(parts + " tasks on the CPU pool (threads)", () -> {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (long[] range : ranges) {
          futures.add(scheduler.submitCpu(() -> CpuWork.countPrimes(range[0], range[1])));
        }
        long total = 0;
        for (CompletableFuture<Long> future : futures) {
          total += future.get();
        }
        return total;
      });
    }
    Run processes = time(parts + " JVM processes", () -> inProcesses(ranges));

    for (Run run : List.of(sequential, threads, processes)) {
      out.printf(Locale.ROOT, "  %-36s %8.3f s   speed-up %.2fx   %,d primes%n", run.name(), run.nanos() / 1e9,
          (double) sequential.nanos() / run.nanos(), run.primes());
    }
    boolean agree = sequential.primes() == threads.primes() && threads.primes() == processes.primes();
    out.printf(Locale.ROOT, "All three agree: %s (%,d primes below %,d)%n", agree, sequential.primes(), limit);
    out.println("Java has no GIL: threads run CPU-bound work on all cores at once, without the start-up cost");
    out.println("and copying of processes. Processes pay a JVM start each (the gap between the last two lines).");
    if (!agree) {
      throw new CommandFailedException("the three ways counted different numbers of primes; this is a bug", null);
    }
    return CliErrors.OK;
  }

  private List<long[]> split() {
    List<long[]> ranges = new ArrayList<>();
    long step = (limit + parts - 1) / parts;
    for (long from = 0; from < limit; from += step) {
      ranges.add(new long[] {from, Math.min(limit, from + step)});
    }
    return ranges;
  }

  private static Run time(String name, Callable<Long> work) throws Exception {
    long start = System.nanoTime();
    long primes = work.call();
    return new Run(name, primes, Math.max(1, System.nanoTime() - start));
  }

  /** Starts one JVM per range running {@link CpuWork#main}, then reads each one's count. */
  private static long inProcesses(List<long[]> ranges) throws IOException, InterruptedException {
    List<Process> started = new ArrayList<>();
    try {
      for (long[] range : ranges) {
        List<String> command = new ArrayList<>(javaCommand());
        command.add(Long.toString(range[0]));
        command.add(Long.toString(range[1]));
        started.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
      }
      long total = 0;
      for (Process process : started) {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
          throw new CommandFailedException("a worker process (" + String.join(" ", javaCommand())
              + ") failed with exit " + (process.isAlive() ? "none (still running)" : process.exitValue())
              + "; run it by hand to see why", null);
        }
        total += Long.parseLong(output);
      }
      return total;
    } finally {
      started.forEach(Process::destroy);
    }
  }

  /** The command that runs {@link CpuWork} with this JVM's own java and class or module path. */
  static List<String> javaCommand() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String modulePath = System.getProperty("jdk.module.path");
    Module module = CpuWork.class.getModule();
    if (module.isNamed() && modulePath != null && !modulePath.isEmpty()) {
      return List.of(java, "--module-path", modulePath, "--module", module.getName() + "/" + CpuWork.class.getName());
    }
    return List.of(java, "-cp", System.getProperty("java.class.path"), CpuWork.class.getName());
  }
}
