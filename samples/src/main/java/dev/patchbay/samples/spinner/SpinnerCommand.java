package dev.patchbay.samples.spinner;

import dev.patchbay.runtime.console.Spinner;
import dev.patchbay.runtime.tasks.TaskScheduler;
import dev.patchbay.runtime.timer.TimeSource;
import dev.patchbay.runtime.timer.TimerScheduler;
import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.threads.CpuWork;
import dev.patchbay.samples.timer.DurationConverter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spinner}: the runtime's spinner turns while a slow call runs elsewhere. With
 * {@code --cpu} the slow call is a CPU-bound primality test; the spinner keeps turning because
 * Java runs the two on different cores at once (no GIL), which the count of frames drawn shows.
 */
@Command(
    name = "spinner",
    mixinStandardHelpOptions = true,
    description = {
        "A spinner turns while a slow call runs, even a CPU-bound one (--cpu): Java has no GIL.",
        "With --cpu the slow call proves 1,000,000,000,000,000,003 (the smallest prime above 10^18) prime by"
            + " trial division: half a billion divisions on the CPU pool, a few seconds of one core.",
        "The spinner keeps turning on another core, and the number of updates it drew while the work ran is"
            + " printed as evidence."
    })
public final class SpinnerCommand implements Callable<Integer> {

  /**
   * The smallest prime above 10^18. Proving it prime by trial division tries every odd divisor up to
   * 10^9: half a billion divisions, long enough for the spinner to turn many times.
   */
  public static final long DEFAULT_NUMBER = 1_000_000_000_000_000_003L;

  private static final Duration FRAME = Duration.ofMillis(100);
  private static final Duration PLAIN_LINE = Duration.ofMillis(250);

  @Spec
  CommandSpec spec;

  @Option(names = "--cpu", description = "Make the slow call CPU-bound: a primality test by trial division.")
  boolean cpu;

  @Option(names = "--number", paramLabel = "NUMBER", defaultValue = "1000000000000000003", description = "With --cpu: the number tested (default: ${DEFAULT-VALUE}).")
  long number;

  @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "3s", converter = DurationConverter.class,
      description = "Without --cpu: how long the slow (sleeping, I/O-like) call takes (default: ${DEFAULT-VALUE}).")
  Duration duration;

  /** Creates the command; picocli fills in its options. */
  public SpinnerCommand() {}

  @Override
  public Integer call() throws Exception {
    if (number < 0) {
      throw new ParameterException(spec.commandLine(), "--number must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    FrameCounter frames = new FrameCounter(TimerScheduler.shared());
    boolean terminal = Spinner.isTerminal();
    Spinner spinner = Spinner.builder(cpu ? String.format(Locale.ROOT, "Is %,d prime?", number) : "Waiting for a slow call")
        .output(WriterOutputStream.printStream(out))
        .terminal(terminal)
        .frameInterval(FRAME)
        // Off a terminal each update is a whole line, so fewer of them; still enough to show it turning.
        .plainInterval(PLAIN_LINE)
        .scheduler(frames)
        .build();
    long start = System.nanoTime();
    String answer;
    try (TaskScheduler tasks = TaskScheduler.create()) {
      if (cpu) {
        CompletableFuture<Boolean> prime = tasks.submitCpu(() -> CpuWork.isPrime(number));
        answer = String.format(Locale.ROOT, "%,d is %s", number, spinner.await(prime) ? "prime" : "not prime");
      } else {
        CompletableFuture<String> slow = tasks.submit(() -> {
          Thread.sleep(duration.toMillis()); // stands in for a slow network or disk call
          return "the slow call returned after " + DurationConverter.format(duration);
        });
        answer = spinner.await(slow);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.println(answer);
    Duration every = terminal ? FRAME : PLAIN_LINE;
    out.printf(Locale.ROOT, "Spinner updates while the call ran: %d in %.2f s (about %d expected: %s)%n",
        frames.count(), seconds, (long) (seconds * 1000 / every.toMillis()),
        terminal ? "a frame every " + every.toMillis() + " ms on this terminal"
            : "a progress line every " + every.toMillis() + " ms, as the output is not a terminal");
    out.println(cpu
        ? "The work ran on a CPU-pool thread and the spinner on the timer thread, on different cores at once:"
            + " Java has no GIL to make the spinner wait."
        : "The call only waited, so any thread model would keep the spinner turning.");
    return CliErrors.OK;
  }

  /** A scheduler that counts the callbacks it runs: each is one spinner update. */
  static final class FrameCounter implements TimerScheduler {
    private final TimerScheduler delegate;
    private final AtomicLong count = new AtomicLong();

    FrameCounter(TimerScheduler delegate) {
      this.delegate = delegate;
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
      return delegate.schedule(() -> {
        count.incrementAndGet();
        task.run();
      }, delayNanos);
    }

    @Override
    public TimeSource timeSource() {
      return delegate.timeSource();
    }

    long count() {
      return count.get();
    }
  }
}
