package dev.patchbay.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts child processes (fresh JVMs, javac) and captures what they print. */
public final class Processes {

  /**
   * What one finished child process did.
   *
   * @param command the command line
   * @param exitCode its exit status
   * @param stdout everything it printed on standard output
   * @param stderr everything it printed on standard error
   * @param launchedNanos {@link System#nanoTime()} just before the process was started
   * @param wallNanos nanoseconds from just before start to just after exit
   */
  public record Outcome(List<String> command, int exitCode, String stdout, String stderr,
      long launchedNanos, long wallNanos) {

    /**
     * Returns this outcome, or throws when the process failed.
     *
     * @return this
     * @throws IllegalStateException when the exit code is not 0, with the command and its output
     */
    public Outcome orThrow() {
      if (exitCode != 0) {
        throw new IllegalStateException("command failed with exit code " + exitCode + ": "
            + String.join(" ", command) + "\n--- stdout\n" + tail(stdout) + "\n--- stderr\n"
            + tail(stderr));
      }
      return this;
    }

    private static String tail(String text) {
      return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
    }
  }

  private Processes() {}

  /**
   * Runs {@code command} in {@code workDir} and waits for it, capturing its output in files so a
   * chatty child never blocks on a full pipe.
   *
   * @param command the command line
   * @param workDir the working directory
   * @param timeout how long to wait before killing the process
   * @return the outcome
   * @throws IOException when the process cannot be started or its output not read
   * @throws InterruptedException when interrupted while waiting
   */
  public static Outcome run(List<String> command, Path workDir, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      long launched = System.nanoTime();
      Process process = builder.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      long wall = System.nanoTime() - launched;
      if (!finished) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("timed out after " + timeout + ": "
            + String.join(" ", command));
      }
      return new Outcome(List.copyOf(command), process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
          launched, wall);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
