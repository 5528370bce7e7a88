package dev.patchbay.runtime.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The real shared scheduler: waits on awaitFinish, never sleeps, asserts no timing. */
final class SharedSchedulerTest {

  @Test
  void thousandTimers_shareOneSchedulerThread() throws InterruptedException {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    AtomicInteger finishes = new AtomicInteger();
    List<CountdownTimer> timers = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      timers.add(
          CountdownTimer.builder(Duration.ofMillis(20 + i % 30))
              .tickEvery(Duration.ofMillis(5))
              .threshold(Duration.ofMillis(10), "ten left")
              .onTick(tick -> threads.add(Thread.currentThread().getName()))
              .onThreshold(threshold -> threads.add(Thread.currentThread().getName()))
              .onFinish(finish -> finishes.incrementAndGet())
              .build()
              .start());
    }
    for (CountdownTimer timer : timers) {
      assertTrue(timer.awaitFinish(Duration.ofSeconds(30)));
    }
    assertEquals(1000, finishes.get());
    assertEquals(Set.of("patchbay-timer"), threads);
  }
}
