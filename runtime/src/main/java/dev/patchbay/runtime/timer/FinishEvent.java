package dev.patchbay.runtime.timer;

import java.time.Duration;

/**
 * A {@link CountdownTimer} ran out; fires once, after every threshold and tick.
 *
 * @param elapsed time since start when the finish was delivered (the total, or more if late)
 * @param ticks how many ticks were due during the countdown, delivered or coalesced
 */
public record FinishEvent(Duration elapsed, long ticks) implements TimerEvent {

  /**
   * Nothing is left when a timer finishes.
   *
   * @return {@link Duration#ZERO}
   */
  @Override
  public Duration remaining() {
    return Duration.ZERO;
  }
}
