package dev.patchbay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class SamplesCliTest {

  @Test
  void noArguments_listsTheSamples() {
    CliRunner.Result result = CliRunner.run();

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Patchbay samples"), result::toString);
    assertEquals(CliRunner.run("list").out(), result.out());
  }

  @Test
  void list_doesNotListItself() {
    CliRunner.Result result = CliRunner.run("list");

    assertTrue(result.out().lines().noneMatch(line -> line.strip().startsWith("list ")),
        result::toString);
  }

  @Test
  void unknownOption_isOneLineErrorWithExitCode2() {
    CliRunner.Result result = CliRunner.run("--no-such-option");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
    assertTrue(result.err().contains("--no-such-option"), result::toString);
    assertEquals("", result.out());
  }

  @Test
  void unknownSubcommand_isOneLineErrorWithExitCode2() {
    CliRunner.Result result = CliRunner.run("no-such-sample");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
  }

  @Test
  void help_printsUsageAndExitsZero() {
    CliRunner.Result result = CliRunner.run("--help");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Usage: patchbay-samples"), result::toString);
  }

  @Test
  void everyHelp_namesOptionValuesWithOneStyleOfPlaceholder() {
    for (String[] command : new String[][] {{"list"}, {"backends"}, {"export"}, {"notify"}, {"pay"},
        {"store"}, {"contracts"}, {"timer"}, {"spinner"}, {"scrape"}, {"threads", "race"},
        {"threads", "lock"}, {"threads", "event"}, {"threads", "semaphore"}, {"threads", "queue"},
        {"threads", "deadlock"}, {"threads", "cpu"}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      CliRunner.Result result = CliRunner.run(args);
      assertEquals(0, result.exitCode(), result::toString);
      // picocli's default placeholder is the field name in angle brackets (<duration>); every
      // option here names its value in capitals instead (DURATION, N, URL).
      assertTrue(!java.util.regex.Pattern.compile("=<[a-zA-Z]+>").matcher(result.out()).find(),
          () -> String.join(" ", command) + " --help has a <field> placeholder:\n" + result.out());
    }
  }

  @Test
  void oneLine_foldsLineBreaks() {
    assertEquals("a b c", CliErrors.oneLine("a\n  b\r\nc\n"));
  }
}
