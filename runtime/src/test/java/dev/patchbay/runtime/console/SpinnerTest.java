package dev.patchbay.runtime.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.runtime.timer.ManualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

final class SpinnerTest {

  private final ManualScheduler clock = ManualScheduler.create();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private Spinner.Builder spinner(boolean terminal) {
    return Spinner.builder("Working").output(out).terminal(terminal).scheduler(clock);
  }

  @Test
  void notATerminal_printsPlainPeriodicLines_andReturnsTheResult() {
    Spinner spinner = spinner(false).plainInterval(Duration.ofSeconds(5)).build();

    String result = spinner.run(() -> {
      clock.advance(Duration.ofSeconds(12)); // the task "takes" 12 seconds on the manual clock
      return "answer";
    });

    assertEquals("answer", result);
    String nl = System.lineSeparator();
    assertEquals(
        "Working ..." + nl
            + "Working ... still running (5.0s)" + nl
            + "Working ... still running (10.0s)" + nl
            + "Working ... done in 12.0s" + nl,
        output());
    assertFalse(output().contains("\r"), "no carriage returns in logs");
    assertEquals(0, clock.pendingCount(), "nothing keeps drawing after the task");
  }

  @Test
  void terminal_animatesOneLine_andClearsItAtTheEnd() throws Exception {
    Spinner spinner = spinner(true).frameInterval(Duration.ofSeconds(1)).build();

    int result = spinner.call(() -> {
      clock.advance(Duration.ofMillis(2500));
      return 7;
    });

    assertEquals(7, result);
    String erase = "\u001b[K";
    assertEquals(
        "\r| Working 0.0s" + erase + "\r/ Working 1.0s" + erase + "\r- Working 2.0s" + erase + "\r" + erase,
        output());
    assertFalse(output().contains("\n"), "a terminal spinner never scrolls");
  }

  @Test
  void stalledScheduler_skipsFramesInsteadOfBursting() {
    Spinner spinner = spinner(true).frameInterval(Duration.ofSeconds(1)).frames("a", "b", "c", "d", "e", "f").build();
    spinner.run(() -> {
      clock.stall(Duration.ofMillis(4500));
      clock.runDue();
      return null;
    });
    String erase = "\u001b[K";
    assertEquals("\ra Working 0.0s" + erase + "\re Working 4.5s" + erase + "\r" + erase, output());
  }

  @Test
  void failingTask_isRethrownUnchanged_andReported() {
    IOException failure = new IOException("network down");
    Spinner spinner = spinner(false).build();

    IOException thrown = assertThrows(IOException.class, () -> spinner.call(() -> {
      clock.advance(Duration.ofSeconds(2));
      throw failure;
    }));

    assertSame(failure, thrown);
    assertTrue(output().endsWith("Working ... failed after 2.0s" + System.lineSeparator()), output());
  }

  @Test
  void failingTask_onATerminal_stillClearsTheLine() {
    Spinner spinner = spinner(true).build();
    assertThrows(IllegalStateException.class, () -> spinner.run(() -> {
      throw new IllegalStateException("boom");
    }));
    assertTrue(output().endsWith("\r\u001b[K"), output());
  }

  @Test
  void await_returnsTheFuturesResult_orThrowsItsFailure() throws Exception {
    Spinner spinner = spinner(false).build();
    assertEquals("done", spinner.await(CompletableFuture.completedFuture("done")));

    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> spinner.await(CompletableFuture.failedFuture(new IOException("x"))));
    assertEquals("x", failed.getCause().getMessage());
  }

  @Test
  void isTerminal_isFalseWhenOutputIsCaptured() {
    // Surefire pipes the test JVM's output, so this is never a terminal here.
    assertFalse(Spinner.isTerminal());
  }

  @Test
  void builder_rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> Spinner.builder("x").frames());
    assertThrows(IllegalArgumentException.class, () -> Spinner.builder("x").frameInterval(Duration.ZERO));
    assertThrows(NullPointerException.class, () -> Spinner.create(null));
  }
}
