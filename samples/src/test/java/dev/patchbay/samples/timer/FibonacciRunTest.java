package dev.patchbay.samples.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.runtime.state.SharedState;
import dev.patchbay.runtime.timer.CountdownTimer;
import dev.patchbay.runtime.timer.ManualScheduler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the Fibonacci loop under a timer on a manual clock, so every event is deterministic. */
final class FibonacciRunTest {

  private final ManualScheduler clock = ManualScheduler.create();
  private final StringWriter output = new StringWriter();
  private final SharedState state = SharedState.create();

  @Test
  void callbackMode_printsEveryTickThresholdAndTheFinishOnce() throws Exception {
    FibonacciRun.Outcome outcome = runFor(FibonacciRun.Mode.CALLBACK);

    String out = output.toString();
    assertEquals(4, count(out, "[tick "), out); // ticks at 2, 4, 6 and 8 s; the finish replaces the one at 10 s
    assertEquals(1, count(out, ">> Half-time! (5s left)"), out);
    assertEquals(1, count(out, ">> Final countdown! (2s left)"), out);
    assertEquals(1, count(out, ">> Time's up!"), out);
    assertTrue(out.contains("[tick 1] 8s left; latest fib("), out);
    assertEquals(List.of("Half-time!", "Final countdown!"), outcome.thresholds());
    assertFinalResultIsRight(outcome, out);
  }

  @Test
  void pollMode_announcesEachThresholdOnceInOrder_fromTheMainLoop() throws Exception {
    FibonacciRun.Outcome outcome = runFor(FibonacciRun.Mode.POLL);

    String out = output.toString();
    assertEquals(1, count(out, ">> Half-time! (5s left)"), out);
    assertEquals(1, count(out, ">> Final countdown! (2s left)"), out);
    assertEquals(1, count(out, ">> Time's up!"), out);
    assertTrue(out.indexOf(">> Half-time!") < out.indexOf(">> Final countdown!"), out);
    assertTrue(out.indexOf(">> Final countdown!") < out.indexOf(">> Time's up!"), out);
    assertEquals(0, count(out, "[tick "), "poll mode has no listeners that print\n" + out);
    assertEquals(List.of("Half-time!", "Final countdown!"), outcome.thresholds());
    assertFinalResultIsRight(outcome, out);
  }

  @Test
  void theLoopPublishesConsistentProgressToTheSharedState() throws Exception {
    FibonacciRun.Outcome outcome = runFor(FibonacciRun.Mode.POLL);

    var snapshot = state.snapshot();
    assertEquals(outcome.index(), snapshot.get(FibonacciRun.INDEX));
    assertEquals(outcome.result(), snapshot.get(FibonacciRun.RESULT));
    assertEquals(outcome.calculations(), snapshot.get(FibonacciRun.CALCULATIONS));
  }

  @Test
  void thresholds_scaleWithTheCountdown() {
    assertEquals(List.of(new FibonacciRun.Threshold(Duration.ofMillis(7500), "Half-time!"),
            new FibonacciRun.Threshold(Duration.ofSeconds(3), "Final countdown!")),
        FibonacciRun.thresholdsFor(Duration.ofSeconds(15)));
    assertEquals(List.of(new FibonacciRun.Threshold(Duration.ofSeconds(60), "Half-time!"),
            new FibonacciRun.Threshold(Duration.ofSeconds(30), "30 seconds remaining!"),
            new FibonacciRun.Threshold(Duration.ofSeconds(10), "Final countdown!")),
        FibonacciRun.thresholdsFor(Duration.ofMinutes(2)));
    assertEquals(2, FibonacciRun.thresholdsFor(Duration.ofMinutes(1)).size(), "30 s is half-time in a minute");
  }

  @Test
  void describe_givesLengthLeadingAndLastDigits() {
    assertEquals("fib(1,000) = 43466557...49228875 (209 digits)", FibonacciRun.describe(1000, fib(1000)));
    assertEquals("fib(10) = 55", FibonacciRun.describe(10, fib(10)));
  }

  private FibonacciRun.Outcome runFor(FibonacciRun.Mode mode) throws Exception {
    FibonacciRun run = new FibonacciRun(new FibonacciRun.Settings(Duration.ofSeconds(10), Duration.ofSeconds(2), mode),
        clock, state, new PrintWriter(output, true));
    CountdownTimer timer = run.buildTimer();
    CompletableFuture<FibonacciRun.Outcome> loop = CompletableFuture.supplyAsync(() -> run.run(timer));
    // The loop starts the timer; only then is there anything for the clock to run.
    while (clock.pendingCount() == 0 && !loop.isDone()) {
      Thread.onSpinWait();
    }
    for (int second = 0; second < 10; second++) {
      clock.advance(Duration.ofSeconds(1));
    }
    return loop.get(30, TimeUnit.SECONDS);
  }

  private static void assertFinalResultIsRight(FibonacciRun.Outcome outcome, String out) {
    assertEquals(fib(outcome.index()), outcome.result(), "the loop's result is fib(index)");
    assertEquals(outcome.index() - 1, outcome.calculations());
    assertTrue(out.contains("Final result after "), out);
  }

  private static BigInteger fib(long n) {
    BigInteger a = BigInteger.ZERO;
    BigInteger b = BigInteger.ONE;
    for (long i = 0; i < n; i++) {
      BigInteger next = a.add(b);
      a = b;
      b = next;
    }
    return a;
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
