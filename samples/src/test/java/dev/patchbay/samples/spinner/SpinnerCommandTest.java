package dev.patchbay.samples.spinner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.runtime.console.Spinner;
import dev.patchbay.runtime.timer.ManualScheduler;
import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class SpinnerCommandTest {

  @Test
  void cpu_answersThePrimalityQuestion() {
    CliRunner.Result prime = CliRunner.run("spinner", "--cpu", "--number", "1000003");
    CliRunner.Result composite = CliRunner.run("spinner", "--cpu", "--number", "1000001");

    assertEquals(CliErrors.OK, prime.exitCode(), prime::toString);
    assertTrue(prime.out().contains("1,000,003 is prime"), prime::toString);
    assertTrue(prime.out().contains("Spinner updates while the call ran: "), prime::toString);
    assertTrue(prime.out().contains("Java has no GIL"), prime::toString);
    assertTrue(composite.out().contains("1,000,001 is not prime"), composite::toString); // 101 x 9901
  }

  @Test
  void slowCall_returnsItsResultAfterTheSpinner() {
    CliRunner.Result result = CliRunner.run("spinner", "--duration", "50ms");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Waiting for a slow call ..."), result::toString);
    assertTrue(result.out().contains("the slow call returned after 50ms"), result::toString);
  }

  @Test
  void frameCounter_countsEveryFrameTheSpinnerDraws() throws Exception {
    ManualScheduler clock = ManualScheduler.create();
    SpinnerCommand.FrameCounter frames = new SpinnerCommand.FrameCounter(clock);
    ByteArrayOutputStream drawn = new ByteArrayOutputStream();
    Spinner spinner = Spinner.builder("working").output(new PrintStream(drawn, true, StandardCharsets.UTF_8))
        .terminal(true).frameInterval(Duration.ofMillis(100)).scheduler(frames).build();

    String answer = spinner.call(() -> {
      clock.advance(Duration.ofSeconds(1)); // the "work" takes one second of the manual clock
      return "done";
    });

    assertEquals("done", answer);
    assertEquals(10, frames.count());
    assertTrue(drawn.toString(StandardCharsets.UTF_8).contains("working 1.0s"));
  }
}
