package dev.patchbay.runtime.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CountdownTimerTest {

  private final ManualScheduler clock = ManualScheduler.create();
  // Listeners run on the test thread (the manual scheduler runs callbacks on its caller).
  private final List<TimerEvent> events = new ArrayList<>();

  private CountdownTimer.Builder recording(Duration total) {
    return CountdownTimer.builder(total)
        .scheduler(clock)
        .onTick(events::add)
        .onThreshold(events::add)
        .onFinish(events::add);
  }

  private List<TickEvent> ticks() {
    List<TickEvent> ticks = new ArrayList<>();
    for (TimerEvent event : events) {
      if (event instanceof TickEvent tick) {
        ticks.add(tick);
      }
    }
    return ticks;
  }

  private long count(Class<? extends TimerEvent> type) {
    return events.stream().filter(type::isInstance).count();
  }

  @Test
  void ticks_fireAtStartPlusMultiplesOfInterval_andFinishReplacesTheLastTick() {
    CountdownTimer timer = recording(Duration.ofSeconds(5)).tickEvery(Duration.ofSeconds(1)).build().start();

    clock.advance(Duration.ofSeconds(10));

    List<TickEvent> ticks = ticks();
    assertEquals(4, ticks.size(), events::toString);
    for (int k = 1; k <= 4; k++) {
      assertEquals(k, ticks.get(k - 1).tick());
      assertEquals(Duration.ofSeconds(k), ticks.get(k - 1).elapsed());
      assertEquals(Duration.ofSeconds(5 - k), ticks.get(k - 1).remaining());
      assertEquals(0, ticks.get(k - 1).missedTicks());
    }
    assertEquals(new FinishEvent(Duration.ofSeconds(5), 4), events.get(events.size() - 1));
    assertTrue(timer.isFinished());
    assertEquals(Duration.ZERO, timer.remaining());
  }

  @Test
  void lateTick_doesNotShiftLaterTicks() {
    recording(Duration.ofSeconds(10)).tickEvery(Duration.ofSeconds(1)).build().start();
    clock.advance(Duration.ofSeconds(1));
    // The scheduler wakes 400 ms late for tick 2 ...
    clock.stall(Duration.ofMillis(1400));
    clock.runDue();
    // ... but tick 3 is still due at exactly 3 s, not at 3.4 s.
    clock.advance(Duration.ofMillis(600));

    List<TickEvent> ticks = ticks();
    assertEquals(3, ticks.size(), events::toString);
    assertEquals(Duration.ofMillis(2400), ticks.get(1).elapsed());
    assertEquals(Duration.ofSeconds(3), ticks.get(2).elapsed());
    assertEquals(3, ticks.get(2).tick());
  }

  @Test
  void manyDeadlines_accumulateNoDrift() {
    recording(Duration.ofSeconds(1000)).tickEvery(Duration.ofMillis(7)).build().start();
    // Advance in uneven steps that never line up with the interval.
    for (int i = 0; i < 3000; i++) {
      clock.advance(Duration.ofNanos(3_333_333));
    }
    List<TickEvent> ticks = ticks();
    TickEvent last = ticks.get(ticks.size() - 1);
    // Every tick was delivered at its own deadline: start + k × 7 ms, no later.
    assertEquals(Duration.ofMillis(7 * last.tick()), last.elapsed());
    assertEquals((3000L * 3_333_333) / 7_000_000, last.tick());
    assertTrue(ticks.stream().allMatch(t -> t.missedTicks() == 0));
  }

  @Test
  void stall_coalescesMissedTicksIntoOneEvent() {
    recording(Duration.ofSeconds(10)).tickEvery(Duration.ofSeconds(1)).build().start();
    clock.advance(Duration.ofSeconds(1));
    clock.stall(Duration.ofMillis(3500)); // ticks 2, 3 and 4 fall due during the stall
    clock.runDue();

    List<TickEvent> ticks = ticks();
    assertEquals(2, ticks.size(), events::toString);
    assertEquals(new TickEvent(4, Duration.ofMillis(4500), Duration.ofMillis(5500), 2), ticks.get(1));

    clock.advance(Duration.ofMillis(500));
    assertEquals(new TickEvent(5, Duration.ofSeconds(5), Duration.ofSeconds(5), 0), ticks().get(2));
  }

  @Test
  void thresholdsBetweenTicks_fireExactlyOnceAndInOrder() {
    recording(Duration.ofSeconds(10))
        .tickEvery(Duration.ofSeconds(2))
        .threshold(Duration.ofMillis(6500), "first")
        .threshold(Duration.ofMillis(2500), "second")
        .threshold(Duration.ofMillis(6500), "same time as first")
        .build()
        .start();

    clock.advance(Duration.ofSeconds(20));

    List<String> labels = new ArrayList<>();
    for (TimerEvent event : events) {
      if (event instanceof ThresholdEvent threshold) {
        labels.add(threshold.label());
      }
    }
    assertEquals(List.of("first", "same time as first", "second"), labels);
    ThresholdEvent first = (ThresholdEvent) events.stream().filter(ThresholdEvent.class::isInstance).findFirst().get();
    // Delivered at its own deadline, 3.5 s after start, between ticks 1 (2 s) and 2 (4 s).
    assertEquals(Duration.ofMillis(3500), first.elapsed());
    assertEquals(Duration.ofMillis(6500), first.remaining());
    assertEquals(TickEvent.class, events.get(0).getClass());
    assertEquals(ThresholdEvent.class, events.get(1).getClass());
    assertEquals(2, ((TickEvent) events.get(3)).tick());
  }

  @Test
  void thresholdsInsideAStall_eachFireOnce_beforeTheFinish() {
    recording(Duration.ofSeconds(10))
        .tickEvery(Duration.ofSeconds(1))
        .threshold(Duration.ofSeconds(5), "half")
        .threshold(Duration.ofSeconds(1), "almost")
        .threshold(Duration.ZERO, "zero")
        .build()
        .start();
    clock.stall(Duration.ofSeconds(30));
    clock.runDue();
    clock.advance(Duration.ofSeconds(30));

    assertEquals(3, count(ThresholdEvent.class), events::toString);
    assertEquals(1, count(FinishEvent.class));
    assertEquals(1, count(TickEvent.class));
    // Order by due time: half (5 s), the coalesced tick 9 (9 s), almost (9 s), zero, finish.
    assertEquals("half", ((ThresholdEvent) events.get(0)).label());
    assertEquals(new TickEvent(9, Duration.ofSeconds(30), Duration.ZERO, 8), events.get(1));
    assertEquals("almost", ((ThresholdEvent) events.get(2)).label());
    assertEquals("zero", ((ThresholdEvent) events.get(3)).label());
    assertTrue(events.get(4) instanceof FinishEvent);
  }

  @Test
  void thresholdAtTheTotal_firesAtStart() {
    recording(Duration.ofSeconds(3)).threshold(Duration.ofSeconds(3), "go").build().start();
    clock.runDue();
    assertEquals(1, count(ThresholdEvent.class));
    assertEquals(Duration.ZERO, events.get(0).elapsed());
  }

  @Test
  void finish_firesOnce_andAwaitFinishReturnsTrue() throws InterruptedException {
    CountdownTimer timer = recording(Duration.ofSeconds(2)).build().start();
    clock.advance(Duration.ofSeconds(1));
    assertFalse(timer.isFinished());
    assertEquals(Duration.ofSeconds(1), timer.remaining());
    clock.advance(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(5));

    assertEquals(1, count(FinishEvent.class));
    assertTrue(timer.isFinished());
    assertTrue(timer.awaitFinish(Duration.ZERO));
    assertEquals(0, clock.pendingCount(), "a finished timer schedules nothing more");
  }

  @Test
  void cancel_stopsEverything() throws InterruptedException {
    CountdownTimer timer =
        recording(Duration.ofSeconds(10)).tickEvery(Duration.ofSeconds(1)).threshold(Duration.ofSeconds(5), "half").build().start();
    clock.advance(Duration.ofMillis(2500));
    timer.cancel();
    clock.advance(Duration.ofSeconds(20));

    assertEquals(2, events.size(), events::toString);
    assertTrue(timer.isCancelled());
    assertFalse(timer.isFinished());
    assertFalse(timer.awaitFinish(Duration.ofSeconds(1)));
    assertEquals(Duration.ofMillis(7500), timer.remaining());
    assertEquals(0, clock.pendingCount());
    assertThrows(IllegalStateException.class, timer::start);
  }

  @Test
  void cancelFromAListener_stopsTheEventsQueuedBehindIt() {
    CountdownTimer[] self = new CountdownTimer[1];
    self[0] =
        recording(Duration.ofSeconds(10))
            .tickEvery(Duration.ofSeconds(1))
            .threshold(Duration.ofSeconds(8), "cancel here")
            .onThreshold(threshold -> {
              events.add(threshold);
              self[0].cancel();
            })
            .build()
            .start();
    clock.stall(Duration.ofSeconds(5));
    clock.runDue(); // due now: the threshold (2 s), then the coalesced tick (5 s), which must not fire

    assertEquals(1, events.size(), events::toString);
  }

  @Test
  void throwingListener_isReported_andTheTimerGoesOn() {
    List<Throwable> reported = new ArrayList<>();
    CountdownTimer timer =
        CountdownTimer.builder(Duration.ofSeconds(3))
            .scheduler(clock)
            .tickEvery(Duration.ofSeconds(1))
            .onTick(tick -> {
              throw new IllegalStateException("listener bug on tick " + tick.tick());
            })
            .onFinish(events::add)
            .onError((event, error) -> reported.add(error))
            .build()
            .start();
    clock.advance(Duration.ofSeconds(3));

    assertEquals(2, reported.size());
    assertEquals("listener bug on tick 2", reported.get(1).getMessage());
    assertTrue(timer.isFinished());
    assertEquals(1, count(FinishEvent.class));
  }

  @Test
  void pollInterrupt_isTrueOncePerFiredEvent() {
    CountdownTimer timer =
        recording(Duration.ofSeconds(4)).tickEvery(Duration.ofSeconds(1)).threshold(Duration.ofMillis(2500), "t").build().start();
    assertFalse(timer.pollInterrupt());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(timer.pollInterrupt());
    assertFalse(timer.pollInterrupt());

    clock.advance(Duration.ofSeconds(5)); // ticks 2 and 3, the threshold, the finish
    int polled = 0;
    while (timer.pollInterrupt()) {
      polled++;
    }
    assertEquals(4, polled);
  }

  @Test
  void remaining_beforeStartIsTheTotal() {
    CountdownTimer timer = recording(Duration.ofSeconds(4)).build();
    assertEquals(Duration.ofSeconds(4), timer.remaining());
    assertFalse(timer.isFinished());
    clock.advance(Duration.ofSeconds(10));
    assertEquals(0, events.size(), "an unstarted timer fires nothing");
  }

  @Test
  void start_twice_isRejected() {
    CountdownTimer timer = recording(Duration.ofSeconds(4)).build().start();
    IllegalStateException error = assertThrows(IllegalStateException.class, timer::start);
    assertTrue(error.getMessage().contains("already started"));
  }

  @Test
  void builder_rejectsNonsense_withMessagesNamingTheValue() {
    assertThrows(IllegalArgumentException.class, () -> CountdownTimer.builder(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> CountdownTimer.builder(Duration.ofSeconds(1)).tickEvery(Duration.ofSeconds(-1)));
    IllegalArgumentException outside =
        assertThrows(
            IllegalArgumentException.class,
            () -> CountdownTimer.builder(Duration.ofSeconds(5)).threshold(Duration.ofSeconds(6), "late"));
    assertTrue(outside.getMessage().contains("'late'"), outside.getMessage());
    assertThrows(NullPointerException.class, () -> CountdownTimer.builder(Duration.ofSeconds(1)).onTick(null));
  }

  @Test
  void thousandTimers_runOnOneManualScheduler() {
    List<CountdownTimer> timers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      timers.add(recording(Duration.ofMillis(1000 + i)).tickEvery(Duration.ofMillis(100)).build().start());
    }
    clock.advance(Duration.ofSeconds(3));

    assertTrue(timers.stream().allMatch(CountdownTimer::isFinished));
    assertEquals(1000, count(FinishEvent.class));
    assertEquals(0, clock.pendingCount());
  }
}
