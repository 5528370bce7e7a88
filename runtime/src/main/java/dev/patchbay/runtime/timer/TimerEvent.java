package dev.patchbay.runtime.timer;

import java.time.Duration;

/** Something a {@link CountdownTimer} reports: a {@link TickEvent}, {@link ThresholdEvent} or {@link FinishEvent}. */
public sealed interface TimerEvent permits TickEvent, ThresholdEvent, FinishEvent {

  /**
   * Time since {@link CountdownTimer#start()} when the event was delivered, read from the timer's clock.
   *
   * @return the elapsed time, never negative
   */
  Duration elapsed();

  /**
   * Time left on the countdown when the event was delivered.
   *
   * @return the remaining time, zero at or after the end, never negative
   */
  Duration remaining();
}
