package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The quiet-period rule, driven with made-up nanoTime values. */
final class DebounceTest {
  @Test
  void burst_isDueOnlyAfterAQuietPeriod() {
    Debounce debounce = new Debounce(100);
    assertFalse(debounce.pending());
    debounce.event(1_000);
    debounce.event(1_060);
    assertTrue(debounce.pending());
    assertEquals(100, debounce.remaining(1_060));
    assertEquals(40, debounce.remaining(1_120));
    assertEquals(0, debounce.remaining(1_160));
    debounce.fired();
    assertFalse(debounce.pending());
  }

  @Test
  void endlessBurst_isDueAfterTheCap() {
    Debounce debounce = new Debounce(100);
    long start = Long.MAX_VALUE - 500; // nanoTime may wrap around
    for (long t = start; t - start < 100 * Debounce.MAX_WAIT_PERIODS; t += 50) {
      debounce.event(t);
      assertTrue(debounce.remaining(t) > 0);
    }
    assertEquals(0, debounce.remaining(start + 100 * Debounce.MAX_WAIT_PERIODS));
  }
}
