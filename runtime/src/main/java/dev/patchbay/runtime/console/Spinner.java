package dev.patchbay.runtime.console;

import static java.util.Objects.requireNonNull;

import dev.patchbay.runtime.timer.TimeSource;
import dev.patchbay.runtime.timer.TimerScheduler;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Shows that something is in progress while a task runs or a future completes.
 *
 * <pre>{@code
 * String page = Spinner.create("Downloading").run(() -> download(url));
 * }</pre>
 *
 * <p>On a terminal it redraws one line ({@code \r}) with an animated frame and the elapsed time, and
 * clears that line at the end. When the output is not a terminal ({@code System.console()} is null,
 * the console is not a terminal, or {@code TERM=dumb}), carriage returns would clutter logs, so it
 * prints a plain line at the start, one every {@linkplain Builder#plainInterval plain interval}, and
 * one at the end. The task runs on the calling thread; frames are drawn by a {@link TimerScheduler}
 * ({@link TimerScheduler#shared()} unless replaced). A spinner may be reused, one task at a time.
 */
public final class Spinner {

  private static final MethodHandle CONSOLE_IS_TERMINAL = consoleIsTerminal();

  private final String message;
  private final PrintStream out;
  private final boolean terminal;
  private final long frameNanos;
  private final long plainNanos;
  private final TimerScheduler scheduler;
  private final TimeSource clock;
  private final List<String> frames;

  private Spinner(Builder builder) {
    this.message = builder.message;
    this.out = builder.out != null ? builder.out : System.out;
    this.terminal = builder.terminal != null ? builder.terminal : isTerminal();
    this.frameNanos = builder.frameInterval.toNanos();
    this.plainNanos = builder.plainInterval.toNanos();
    this.scheduler = builder.scheduler != null ? builder.scheduler : TimerScheduler.shared();
    this.clock = scheduler.timeSource();
    this.frames = builder.frames;
  }

  /**
   * Creates a spinner with the defaults of {@link #builder(String)}.
   *
   * @param message what is in progress, e.g. {@code "Downloading"}
   * @return a new spinner writing to {@code System.out}
   * @throws NullPointerException if {@code message} is null
   */
  public static Spinner create(String message) {
    return builder(message).build();
  }

  /**
   * Starts describing a spinner.
   *
   * @param message what is in progress
   * @return a builder: {@code System.out}, terminal detected, a frame every 100 ms, a plain line
   *     every 5 s, the shared timer scheduler
   * @throws NullPointerException if {@code message} is null
   */
  public static Builder builder(String message) {
    return new Builder(message);
  }

  /**
   * Tells whether standard output looks like an interactive terminal that understands {@code \r}.
   *
   * <p>False when {@code System.console()} is null, when {@code TERM} is {@code dumb}, and on Java
   * 22+ when {@code Console.isTerminal()} says false (from Java 22, {@code System.console()} is no
   * longer null when output is redirected).
   *
   * @return true for a terminal
   */
  // The null test is right on Java 17 to 21; from 22 on, Console.isTerminal() below decides.
  @SuppressWarnings("SystemConsoleNull")
  public static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    if (CONSOLE_IS_TERMINAL == null) {
      return true;
    }
    try {
      return (boolean) CONSOLE_IS_TERMINAL.invokeExact(console);
    } catch (Throwable e) {
      return false;
    }
  }

  /**
   * Runs {@code task} on this thread while the spinner shows progress.
   *
   * @param task the work
   * @param <T> the result type
   * @return what {@code task} returned
   * @throws Exception whatever {@code task} threw, unchanged
   * @throws NullPointerException if {@code task} is null
   */
  public <T> T call(Callable<T> task) throws Exception {
    requireNonNull(task, "task");
    Animation animation = start();
    boolean succeeded = false;
    try {
      T result = task.call();
      succeeded = true;
      return result;
    } finally {
      animation.stop(succeeded);
    }
  }

  /**
   * Runs {@code task} on this thread while the spinner shows progress.
   *
   * @param task the work
   * @param <T> the result type
   * @return what {@code task} returned
   * @throws RuntimeException whatever {@code task} threw, unchanged
   * @throws NullPointerException if {@code task} is null
   */
  public <T> T run(Supplier<T> task) {
    requireNonNull(task, "task");
    Animation animation = start();
    boolean succeeded = false;
    try {
      T result = task.get();
      succeeded = true;
      return result;
    } finally {
      animation.stop(succeeded);
    }
  }

  /**
   * Waits for {@code future} while the spinner shows progress.
   *
   * @param future the work in progress elsewhere
   * @param <T> the result type
   * @return the future's result
   * @throws ExecutionException if the future failed; its cause is the failure
   * @throws InterruptedException if this thread is interrupted while waiting
   * @throws java.util.concurrent.CancellationException if the future was cancelled
   * @throws NullPointerException if {@code future} is null
   */
  public <T> T await(Future<T> future) throws ExecutionException, InterruptedException {
    requireNonNull(future, "future");
    Animation animation = start();
    boolean succeeded = false;
    try {
      T result = future.get();
      succeeded = true;
      return result;
    } finally {
      animation.stop(succeeded);
    }
  }

  private Animation start() {
    Animation animation = new Animation(clock.nanoTime());
    animation.begin();
    return animation;
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }

  /** One run of the spinner: draws frames at start + k × interval until stopped. */
  private final class Animation {
    private final long startNanos;
    private long step; // guarded by "this"
    private boolean stopped; // guarded by "this"
    private TimerScheduler.Cancellable pending; // guarded by "this"

    Animation(long startNanos) {
      this.startNanos = startNanos;
    }

    synchronized void begin() {
      if (terminal) {
        draw(0);
      } else {
        out.println(message + " ...");
        out.flush();
      }
      scheduleNext();
    }

    private void scheduleNext() {
      long interval = terminal ? frameNanos : plainNanos;
      long due = (step + 1) * interval;
      // Absolute deadlines, like the countdown timer: a late frame does not delay the next ones.
      pending = scheduler.schedule(this::tick, due - (clock.nanoTime() - startNanos));
    }

    private synchronized void tick() {
      if (stopped) {
        return;
      }
      long elapsed = clock.nanoTime() - startNanos;
      long interval = terminal ? frameNanos : plainNanos;
      step = Math.max(step + 1, elapsed / interval);
      if (terminal) {
        draw(elapsed);
      } else {
        out.println(message + " ... still running (" + seconds(elapsed) + ")");
        out.flush();
      }
      scheduleNext();
    }

    private void draw(long elapsed) {
      String frame = frames.get((int) (step % frames.size()));
      // \r returns to the line start, ESC[K erases what a longer earlier frame left behind.
      out.print("\r" + frame + " " + message + " " + seconds(elapsed) + "\u001b[K");
      out.flush();
    }

    synchronized void stop(boolean succeeded) {
      stopped = true;
      if (pending != null) {
        pending.cancel();
      }
      long elapsed = clock.nanoTime() - startNanos;
      if (terminal) {
        out.print("\r\u001b[K");
      } else {
        out.println(message + (succeeded ? " ... done in " : " ... failed after ") + seconds(elapsed));
      }
      out.flush();
    }
  }

  private static MethodHandle consoleIsTerminal() {
    try {
      // Console.isTerminal() exists from Java 22; looked up once so the jar still targets Java 17.
      return MethodHandles.publicLookup()
          .findVirtual(java.io.Console.class, "isTerminal", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  /** Describes a {@link Spinner}. */
  public static final class Builder {
    private final String message;
    private PrintStream out;
    private Boolean terminal;
    private Duration frameInterval = Duration.ofMillis(100);
    private Duration plainInterval = Duration.ofSeconds(5);
    private TimerScheduler scheduler;
    private List<String> frames = List.of("|", "/", "-", "\\");

    private Builder(String message) {
      this.message = requireNonNull(message, "message");
    }

    /**
     * Writes to {@code out} instead of {@code System.out}.
     *
     * @param out the stream to draw on
     * @return this builder
     * @throws NullPointerException if {@code out} is null
     */
    public Builder output(PrintStream out) {
      this.out = requireNonNull(out, "out");
      return this;
    }

    /**
     * Overrides terminal detection.
     *
     * @param terminal true to animate with {@code \r}, false to print plain lines
     * @return this builder
     */
    public Builder terminal(boolean terminal) {
      this.terminal = terminal;
      return this;
    }

    /**
     * Sets the time between animation frames on a terminal.
     *
     * @param interval the frame interval; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is not positive
     * @throws NullPointerException if {@code interval} is null
     */
    public Builder frameInterval(Duration interval) {
      this.frameInterval = positive(interval, "frameInterval");
      return this;
    }

    /**
     * Sets the time between progress lines when the output is not a terminal.
     *
     * @param interval the line interval; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is not positive
     * @throws NullPointerException if {@code interval} is null
     */
    public Builder plainInterval(Duration interval) {
      this.plainInterval = positive(interval, "plainInterval");
      return this;
    }

    /**
     * Draws on {@code scheduler} and measures time on its clock, e.g. a {@code ManualScheduler} in
     * tests.
     *
     * @param scheduler the scheduler
     * @return this builder
     * @throws NullPointerException if {@code scheduler} is null
     */
    public Builder scheduler(TimerScheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Sets the animation frames, shown in turn.
     *
     * @param frames at least one frame, e.g. {@code "⠋", "⠙", "⠹"}
     * @return this builder
     * @throws IllegalArgumentException if no frame is given
     * @throws NullPointerException if a frame is null
     */
    public Builder frames(String... frames) {
      if (frames.length == 0) {
        throw new IllegalArgumentException("A spinner needs at least one frame");
      }
      this.frames = List.of(frames);
      return this;
    }

    /**
     * Creates the spinner.
     *
     * @return a new spinner
     */
    public Spinner build() {
      return new Spinner(this);
    }

    private static Duration positive(Duration interval, String name) {
      requireNonNull(interval, name);
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, but got " + interval);
      }
      return interval;
    }
  }
}
