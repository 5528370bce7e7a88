package dev.patchbay.samples;

/**
 * A failure a command reports to the user as one line, with an exit code of its choosing.
 *
 * <p>Use it for expected failures that are not bad input: a declined payment, an unreachable
 * server. Bad input is an {@link IllegalArgumentException} (exit code 2).
 */
public class CommandFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * Creates the failure.
   *
   * @param exitCode the process exit code, usually {@link CliErrors#FAILURE}
   * @param message one line for the user: what went wrong, the names involved, the fix
   * @param cause the underlying exception, or null
   */
  public CommandFailedException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /**
   * Creates the failure with exit code {@link CliErrors#FAILURE}.
   *
   * @param message one line for the user
   * @param cause the underlying exception, or null
   */
  public CommandFailedException(String message, Throwable cause) {
    this(CliErrors.FAILURE, message, cause);
  }

  /**
   * The exit code the process ends with.
   *
   * @return the exit code
   */
  public int exitCode() {
    return exitCode;
  }
}
