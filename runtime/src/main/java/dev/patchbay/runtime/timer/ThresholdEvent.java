package dev.patchbay.runtime.timer;

import java.time.Duration;

/**
 * A threshold of a {@link CountdownTimer} was crossed; each threshold fires exactly once.
 *
 * @param label the label given to {@link CountdownTimer.Builder#threshold(Duration, String)}
 * @param threshold the remaining time at which the threshold was set to fire
 * @param elapsed time since start when the event was delivered
 * @param remaining time actually left when the event was delivered (at most {@code threshold})
 */
public record ThresholdEvent(String label, Duration threshold, Duration elapsed, Duration remaining)
    implements TimerEvent {}
