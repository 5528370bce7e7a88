package dev.patchbay.samples;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the samples CLI in-process and captures what a user would see. */
public final class CliRunner {
  private CliRunner() {}

  /**
   * What one run printed and returned.
   *
   * @param exitCode the exit code the process would end with
   * @param out everything printed to standard output
   * @param err everything printed to standard error
   */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  /**
   * Runs {@code patchbay-samples args...} with the same error handling as the real main method.
   *
   * @param args the command-line arguments
   * @return the exit code and the captured output
   */
  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = SamplesCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
