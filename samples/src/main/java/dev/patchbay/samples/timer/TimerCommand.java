package dev.patchbay.samples.timer;

import dev.patchbay.runtime.state.SharedState;
import dev.patchbay.runtime.state.Snapshot;
import dev.patchbay.runtime.tasks.TaskScheduler;
import dev.patchbay.runtime.timer.CountdownTimer;
import dev.patchbay.runtime.timer.TimerScheduler;
import dev.patchbay.samples.CliErrors;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code timer}: a Fibonacci main loop under a countdown, with threshold messages, a user-message
 * thread and a performance monitor sharing one {@link SharedState}.
 */
@Command(
    name = "timer",
    mixinStandardHelpOptions = true,
    description = {
        "A BigInteger Fibonacci loop under a drift-free countdown, polling its interrupt flag or printing from callbacks.",
        "A user-message thread and a performance monitor (calculations per second) share the loop's SharedState."
    })
public final class TimerCommand implements Callable<Integer> {

  // Stand-ins for what a user might type while the loop runs, by how far the countdown has got.
  private static final List<String> USER_MESSAGES =
      List.of("Keep it up!", "Past the middle, carry on!", "Nearly there!", "Last stretch, finish strong!");

  @Spec
  CommandSpec spec;

  @Option(names = "--seconds", defaultValue = "15", converter = DurationConverter.class, paramLabel = "DURATION",
      description = "Length of the countdown: seconds (15, 0.5) or 500ms, 2m, PT1M (default: ${DEFAULT-VALUE}).")
  Duration total;

  @Option(names = "--interval", defaultValue = "3", converter = DurationConverter.class, paramLabel = "DURATION",
      description = "Time between ticks: seconds (3, 0.5) or 500ms, 1m, PT2S (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Option(names = "--mode", defaultValue = "poll", paramLabel = "poll|callback",
      description = "poll: the loop checks pollInterrupt() and prints; callback: the timer's listeners print (default: ${DEFAULT-VALUE}).")
  String mode;

  /** Creates the command; picocli fills in its options. */
  public TimerCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    FibonacciRun.Mode runMode = parseMode();
    if (total.compareTo(Duration.ofMillis(100)) < 0 || total.compareTo(Duration.ofHours(1)) > 0) {
      throw new ParameterException(spec.commandLine(), "--seconds " + typed("--seconds", total)
          + " is out of range; give between 0.1 and 3600 seconds");
    }
    if (interval.isZero() || interval.compareTo(total) > 0) {
      throw new ParameterException(spec.commandLine(), "--interval " + typed("--interval", interval)
          + " must be longer than zero and at most --seconds (" + typed("--seconds", total) + ")");
    }
    PrintWriter out = spec.commandLine().getOut();
    SharedState state = SharedState.create();
    FibonacciRun run = new FibonacciRun(new FibonacciRun.Settings(total, interval, runMode),
        TimerScheduler.shared(), state, out);
    CountdownTimer timer = run.buildTimer();
    FibonacciRun.Outcome outcome;
    try (TaskScheduler helpers = TaskScheduler.create()) {
      startUserMessages(helpers, state, out);
      startMonitor(helpers, state, out);
      outcome = run.run(timer);
    }
    out.printf(Locale.ROOT, "Average: %,.0f calculations per second over %s; thresholds fired: %s%n",
        outcome.calculations() / (total.toNanos() / 1e9), DurationConverter.format(total),
        String.join(", ", outcome.thresholds()));
    return CliErrors.OK;
  }

  /** What the user typed for {@code option} (an error quotes it back as given), else its value. */
  private String typed(String option, Duration value) {
    var matched = spec.commandLine().getParseResult().matchedOption(option);
    if (matched != null && !matched.stringValues().isEmpty()) {
      return matched.stringValues().get(matched.stringValues().size() - 1);
    }
    return DurationConverter.format(value);
  }

  private FibonacciRun.Mode parseMode() {
    try {
      return FibonacciRun.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--mode '" + mode + "' is not a mode; use poll or callback");
    }
  }

  /** The user-message thread: posts a message to the shared state four times in the countdown. */
  private void startUserMessages(TaskScheduler helpers, SharedState state, PrintWriter out) {
    Duration every = total.dividedBy(USER_MESSAGES.size() + 1);
    AtomicInteger next = new AtomicInteger();
    helpers.scheduleAtFixedRate("user messages", every, every, () -> {
      int i = next.getAndIncrement();
      if (i < USER_MESSAGES.size()) {
        state.set(FibonacciRun.USER_MESSAGE, USER_MESSAGES.get(i));
        out.println("[user] " + USER_MESSAGES.get(i));
      }
    });
  }

  /** The performance monitor: reads the loop's progress and publishes calculations per second. */
  private void startMonitor(TaskScheduler helpers, SharedState state, PrintWriter out) {
    long[] last = {System.nanoTime(), 0};
    helpers.scheduleAtFixedRate("performance monitor", interval, interval, () -> {
      Snapshot s = state.snapshot();
      long now = System.nanoTime();
      long calculations = s.getOrDefault(FibonacciRun.CALCULATIONS, 0L);
      double rate = (calculations - last[1]) / Math.max(1e-9, (now - last[0]) / 1e9);
      last[0] = now;
      last[1] = calculations;
      state.set(FibonacciRun.RATE, rate);
      out.printf(Locale.ROOT, "[monitor] %,.0f calculations/s (%,d so far, at fib(%,d))%n", rate, calculations,
          s.getOrDefault(FibonacciRun.INDEX, 0L));
    });
  }
}
