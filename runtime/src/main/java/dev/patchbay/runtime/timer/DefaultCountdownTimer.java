package dev.patchbay.runtime.timer;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The {@link CountdownTimer} implementation: one scheduled wake-up at a time, absolute deadlines. */
final class DefaultCountdownTimer implements CountdownTimer {

  private static final System.Logger LOG = System.getLogger(CountdownTimer.class.getName());

  /** One configured threshold; {@code dueNanos} is its offset from start. */
  record Threshold(Duration remaining, String label) {}

  private final long totalNanos;
  private final long intervalNanos; // 0 = no ticks
  private final Threshold[] thresholds; // sorted by due time, i.e. by decreasing remaining
  private final long[] thresholdDue; // offsets from start
  private final Consumer<? super TickEvent> onTick;
  private final Consumer<? super ThresholdEvent> onThreshold;
  private final Consumer<? super FinishEvent> onFinish;
  private final BiConsumer<? super TimerEvent, ? super Throwable> onError;
  private final TimerScheduler scheduler;
  private final TimeSource clock;
  private final CountDownLatch stopped = new CountDownLatch(1);
  // Events fired and not yet consumed by pollInterrupt; atomic because the scheduler thread adds
  // while the polling thread takes away.
  private final AtomicLong pendingInterrupts = new AtomicLong();

  // Guarded by "this". The wake-up callbacks are serialized (one is scheduled at a time), but start,
  // cancel and remaining come from other threads.
  private long startNanos;
  private long lastTick; // number of the newest tick delivered or coalesced
  private int nextThreshold; // index of the first threshold not yet fired
  private TimerScheduler.Cancellable pending;
  private long remainingAtCancel;

  // Volatile: read without the lock by isFinished/isCancelled and by the delivery loop, which
  // checks "cancelled" before each listener so that cancel() stops events that are queued but
  // not yet delivered.
  private volatile boolean started;
  private volatile boolean cancelled;
  private volatile boolean finished;

  DefaultCountdownTimer(CountdownTimer.Builder builder) {
    this.totalNanos = builder.total.toNanos();
    this.intervalNanos = builder.tickInterval == null ? 0 : builder.tickInterval.toNanos();
    List<Threshold> sorted = new ArrayList<>(builder.thresholds);
    // Larger remaining = earlier due; the sort is stable, so equal thresholds keep their order.
    sorted.sort(Comparator.comparing(Threshold::remaining).reversed());
    this.thresholds = sorted.toArray(new Threshold[0]);
    this.thresholdDue = new long[thresholds.length];
    for (int i = 0; i < thresholds.length; i++) {
      thresholdDue[i] = totalNanos - thresholds[i].remaining().toNanos();
    }
    this.onTick = builder.onTick;
    this.onThreshold = builder.onThreshold;
    this.onFinish = builder.onFinish;
    this.onError = builder.onError;
    this.scheduler = builder.scheduler != null ? builder.scheduler : TimerScheduler.shared();
    this.clock = builder.clock != null ? builder.clock : scheduler.timeSource();
  }

  @Override
  public CountdownTimer start() {
    synchronized (this) {
      if (cancelled) {
        throw new IllegalStateException("This countdown was cancelled; build a new one to start again");
      }
      if (started) {
        throw new IllegalStateException("This countdown is already started; build a new one to run it again");
      }
      startNanos = clock.nanoTime();
      started = true;
      scheduleNext(0);
    }
    return this;
  }

  @Override
  public void cancel() {
    synchronized (this) {
      if (cancelled || finished) {
        return;
      }
      remainingAtCancel = started ? Math.max(0, totalNanos - (clock.nanoTime() - startNanos)) : totalNanos;
      cancelled = true;
      if (pending != null) {
        pending.cancel();
        pending = null;
      }
    }
    stopped.countDown();
  }

  @Override
  public Duration remaining() {
    synchronized (this) {
      if (finished) {
        return Duration.ZERO;
      }
      if (cancelled) {
        return Duration.ofNanos(remainingAtCancel);
      }
      if (!started) {
        return Duration.ofNanos(totalNanos);
      }
      return Duration.ofNanos(Math.max(0, totalNanos - (clock.nanoTime() - startNanos)));
    }
  }

  @Override
  public boolean isFinished() {
    return finished;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public boolean pollInterrupt() {
    // Decrement only if positive, so a burst of polls never drives the count below zero.
    while (true) {
      long count = pendingInterrupts.get();
      if (count == 0) {
        return false;
      }
      if (pendingInterrupts.compareAndSet(count, count - 1)) {
        return true;
      }
    }
  }

  @Override
  public boolean awaitFinish(Duration timeout) throws InterruptedException {
    java.util.Objects.requireNonNull(timeout, "timeout");
    stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    return finished;
  }

  /** Wakes up on the scheduler: collects what is due, delivers it, schedules the next wake-up. */
  private void wake() {
    List<TimerEvent> due = new ArrayList<>(2);
    boolean finishing;
    synchronized (this) {
      pending = null;
      if (cancelled) {
        return;
      }
      long elapsed = clock.nanoTime() - startNanos;
      if (elapsed < 0) {
        elapsed = 0; // a clock that is not monotonic must not produce negative durations
      }
      finishing = elapsed >= totalNanos;
      Duration elapsedTime = Duration.ofNanos(elapsed);
      Duration remainingTime = Duration.ofNanos(Math.max(0, totalNanos - elapsed));

      // The newest tick that is due now; ticks at or after the end are replaced by the finish.
      long dueTick = 0;
      long tickDueAt = 0;
      if (intervalNanos > 0) {
        long lastTickBeforeEnd = (totalNanos - 1) / intervalNanos;
        dueTick = Math.min(elapsed / intervalNanos, lastTickBeforeEnd);
        tickDueAt = dueTick * intervalNanos;
      }
      boolean tickIsDue = dueTick > lastTick;
      // Merge the coalesced tick with the thresholds by due time; on a tie the tick goes first.
      while (nextThreshold < thresholds.length && thresholdDue[nextThreshold] <= elapsed) {
        if (tickIsDue && tickDueAt <= thresholdDue[nextThreshold]) {
          due.add(tick(dueTick, elapsedTime, remainingTime));
          tickIsDue = false;
        }
        Threshold threshold = thresholds[nextThreshold++];
        due.add(new ThresholdEvent(threshold.label(), threshold.remaining(), elapsedTime, remainingTime));
      }
      if (tickIsDue) {
        due.add(tick(dueTick, elapsedTime, remainingTime));
      }
      if (finishing) {
        long ticks = intervalNanos > 0 ? (totalNanos - 1) / intervalNanos : 0;
        due.add(new FinishEvent(elapsedTime, ticks));
        // Set under the lock so that cancel() after this point does nothing.
        finished = true;
      }
    }
    for (TimerEvent event : due) {
      if (cancelled) {
        return;
      }
      deliver(event);
    }
    if (finishing) {
      stopped.countDown();
      return;
    }
    synchronized (this) {
      if (!cancelled) {
        scheduleNext(clock.nanoTime() - startNanos);
      }
    }
  }

  /** Builds the tick event for {@code dueTick} and records the ticks it coalesces. Holds the lock. */
  private TickEvent tick(long dueTick, Duration elapsed, Duration remaining) {
    int missed = (int) Math.min(Integer.MAX_VALUE, dueTick - lastTick - 1);
    lastTick = dueTick;
    return new TickEvent(dueTick, elapsed, remaining, missed);
  }

  /** Schedules the wake-up at the earliest future deadline, measured from start. Holds the lock. */
  private void scheduleNext(long elapsed) {
    long next = totalNanos;
    if (intervalNanos > 0) {
      long nextTickAt = (lastTick + 1) * intervalNanos;
      if (nextTickAt < next) {
        next = nextTickAt;
      }
    }
    if (nextThreshold < thresholds.length && thresholdDue[nextThreshold] < next) {
      next = thresholdDue[nextThreshold];
    }
    // The delay is computed from the absolute deadline each time, so lateness never accumulates.
    pending = scheduler.schedule(this::wake, next - elapsed);
  }

  private void deliver(TimerEvent event) {
    pendingInterrupts.incrementAndGet();
    try {
      if (event instanceof TickEvent tick) {
        onTick.accept(tick);
      } else if (event instanceof ThresholdEvent threshold) {
        onThreshold.accept(threshold);
      } else {
        onFinish.accept((FinishEvent) event);
      }
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "A countdown timer listener failed on " + event + "; the timer goes on", e);
      try {
        onError.accept(event, e);
      } catch (RuntimeException | Error handlerFailure) {
        LOG.log(Level.WARNING, "The countdown timer's error handler failed too", handlerFailure);
      }
    }
  }
}
