package dev.patchbay.runtime.timer;

import java.time.Duration;

/**
 * A periodic tick of a {@link CountdownTimer}.
 *
 * <p>Tick {@code k} is due at {@code start + k × interval}, so a late tick never shifts later ones.
 * When the scheduler stalls past several due ticks, they are coalesced into this one event: {@code
 * tick} is the newest due tick and {@code missedTicks} counts the older ones that were skipped.
 *
 * @param tick the number of this tick, starting at 1; tick {@code k} was due at {@code k × interval}
 * @param elapsed time since start when the tick was delivered
 * @param remaining time left when the tick was delivered
 * @param missedTicks how many due ticks were skipped and coalesced into this one; 0 when on time
 */
public record TickEvent(long tick, Duration elapsed, Duration remaining, int missedTicks)
    implements TimerEvent {}
