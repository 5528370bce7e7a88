package dev.patchbay.runtime.timer;

import static java.util.Objects.requireNonNull;

import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The shared single-thread scheduler behind {@link TimerScheduler#shared()}. */
final class SharedTimerScheduler implements TimerScheduler {

  // Holder idiom through the enum-like static final: the thread starts only when first needed.
  static final SharedTimerScheduler INSTANCE = new SharedTimerScheduler();

  private static final System.Logger LOG = System.getLogger(SharedTimerScheduler.class.getName());

  private final ScheduledThreadPoolExecutor executor;

  private SharedTimerScheduler() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "patchbay-timer");
              // Daemon: a forgotten timer must never keep the JVM alive.
              thread.setDaemon(true);
              return thread;
            });
    // Cancelled timers leave the queue at once, so a thousand cancelled timers cost nothing.
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    requireNonNull(task, "task");
    ScheduledFuture<?> future =
        executor.schedule(() -> runGuarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    return () -> future.cancel(/* mayInterruptIfRunning= */ false);
  }

  @Override
  public TimeSource timeSource() {
    return TimeSource.system();
  }

  private static void runGuarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      // The executor would hide the exception in a future nobody reads; say it out loud instead.
      LOG.log(Level.ERROR, "A callback on the shared patchbay-timer thread failed", e);
    }
  }
}
