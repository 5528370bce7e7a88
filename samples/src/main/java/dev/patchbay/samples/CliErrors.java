package dev.patchbay.samples;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The samples' error conventions: every failure is one line on stderr; bad input exits with
 * {@link #USAGE}, other failures with {@link #FAILURE}.
 */
public final class CliErrors {
  /** Exit code of a successful run. */
  public static final int OK = 0;
  /** Exit code of a run that failed for a reason other than bad input. */
  public static final int FAILURE = 1;
  /** Exit code of bad input: an unknown option, a bad value, an unknown plugin name. */
  public static final int USAGE = 2;

  /** Environment variable that makes unexpected failures print their stack trace. */
  public static final String DEBUG_ENV = "PATCHBAY_DEBUG";

  private CliErrors() {}

  /**
   * Reports a command-line parsing error as one line and returns {@link #USAGE}.
   *
   * @param error the parse error
   * @param args the arguments that were parsed
   * @return {@link #USAGE}
   */
  static int handleParameterException(ParameterException error, String[] args) {
    CommandLine command = error.getCommandLine();
    String qualified = command.getCommandSpec().qualifiedName();
    command.getErr().println(qualified + ": " + oneLine(error.getMessage())
        + " (see '" + qualified + " --help')");
    command.getErr().flush();
    return USAGE;
  }

  /**
   * Reports an exception thrown by a command as one line and returns the matching exit code.
   *
   * @param error what the command threw
   * @param command the command that threw it
   * @param parseResult the parsed arguments
   * @return {@link #USAGE} for bad input, the exception's code for a {@link
   *     CommandFailedException}, {@link #FAILURE} otherwise
   */
  static int handleExecutionException(Exception error, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    String qualified = command.getCommandSpec().qualifiedName();
    int code;
    String message;
    if (error instanceof CommandFailedException failed) {
      code = failed.exitCode();
      message = failed.getMessage();
    } else if (error instanceof IllegalArgumentException) {
      // Includes dev.patchbay.UnknownPluginException with its "did you mean" suggestion.
      code = USAGE;
      message = error.getMessage();
    } else {
      code = FAILURE;
      message = describe(error);
    }
    err.println(qualified + ": " + oneLine(message));
    if (debug()) {
      error.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** Names the exception type when its message alone would not say what happened. */
  private static String describe(Throwable error) {
    String text = error.getClass().getSimpleName();
    if (error.getMessage() != null) {
      text += ": " + error.getMessage();
    }
    Throwable cause = error.getCause();
    if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
      text += " (caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }
    return text + ". Set " + DEBUG_ENV + "=1 for the stack trace.";
  }

  /**
   * Folds a possibly multi-line message onto one line.
   *
   * @param message the message, possibly null
   * @return the message with line breaks replaced by spaces
   */
  public static String oneLine(String message) {
    if (message == null) {
      return "failed without a message";
    }
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static boolean debug() {
    String value = System.getenv(DEBUG_ENV);
    return value != null && !value.isBlank() && !value.toLowerCase(Locale.ROOT).equals("0");
  }
}
