package dev.patchbay.samples.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import org.junit.jupiter.api.Test;

/** Runs {@code timer} for real, briefly; asserts only what every run prints, never how fast. */
final class TimerCommandTest {

  @Test
  void pollMode_endsAtTimesUp_withEveryThresholdAndTheFinalResult() {
    CliRunner.Result result = CliRunner.run("timer", "--seconds", "0.6", "--interval", "0.2");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertOnce(result, "(poll mode)");
    assertOnce(result, ">> Half-time! (300ms left)");
    assertOnce(result, ">> Final countdown! (120ms left)");
    assertOnce(result, ">> Time's up!");
    assertOnce(result, "Final result after ");
    assertTrue(result.out().contains("thresholds fired: Half-time!, Final countdown!"), result::toString);
  }

  @Test
  void callbackMode_printsFromTheListeners() {
    CliRunner.Result result = CliRunner.run("timer", "--seconds", "500ms", "--interval", "100ms", "--mode", "callback");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertOnce(result, "(callback mode)");
    assertOnce(result, ">> Half-time! (250ms left)");
    assertOnce(result, ">> Final countdown! (100ms left)");
    assertOnce(result, ">> Time's up!");
    assertOnce(result, "Final result after ");
    // Ticks are not asserted: a stalled machine may coalesce them (FibonacciRunTest checks them on a manual clock).
  }

  @Test
  void badInput_isAUsageError() {
    // Errors quote the value as typed, not as re-formatted ("0", not "0ms").
    assertUsage(CliRunner.run("timer", "--seconds", "1", "--interval", "0"), "--interval 0 must be");
    assertUsage(CliRunner.run("timer", "--seconds", "0"), "--seconds 0 is out of range");
    assertUsage(CliRunner.run("timer", "--seconds", "1", "--interval", "2"), "at most --seconds");
    assertUsage(CliRunner.run("timer", "--mode", "fast"), "--mode 'fast'");
    assertUsage(CliRunner.run("timer", "--seconds", "soon"), "'soon' is not a duration");
  }

  private static void assertOnce(CliRunner.Result result, String part) {
    assertEquals(1, result.out().split(java.util.regex.Pattern.quote(part), -1).length - 1,
        () -> "expected '" + part + "' once\n" + result);
  }

  private static void assertUsage(CliRunner.Result result, String expected) {
    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains(expected), result::toString);
  }
}
