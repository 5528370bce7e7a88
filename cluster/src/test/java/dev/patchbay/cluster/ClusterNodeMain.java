package dev.patchbay.cluster;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cluster node in its own JVM, driven by the tests through stdin and reporting on stdout.
 *
 * <p>Arguments: {@code clusterName nodeId checkInMillis threads}; the database comes from the
 * {@link #URL_ENV}, {@link #USER_ENV} and {@link #PASSWORD_ENV} environment variables. Commands,
 * one a line: {@code every TASK MILLIS k=v,...}, {@code submit TASK k=v,...},
 * {@code close GRACE_MILLIS}.
 */
public final class ClusterNodeMain {
  static final String URL_ENV = "CLUSTER_TEST_URL";
  static final String USER_ENV = "CLUSTER_TEST_USER";
  static final String PASSWORD_ENV = "CLUSTER_TEST_PASSWORD";

  private ClusterNodeMain() {}

  /**
   * Starts the node and runs its commands.
   *
   * @param args cluster name, node id, check-in interval in milliseconds, threads
   * @throws Exception when stdin fails
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    ClusterScheduler node;
    try {
      node = ClusterScheduler.builder(DriverDataSource.of(System.getenv(URL_ENV),
              System.getenv(USER_ENV), System.getenv(PASSWORD_ENV)))
          .clusterName(args[0])
          .nodeId(args[1])
          .checkInInterval(Duration.ofMillis(Long.parseLong(args[2])))
          .threads(Integer.parseInt(args[3]))
          .onFailure(failure -> say(out, "FAILURE task=" + failure.taskName() + " node="
              + failure.nodeId() + " cause=" + failure.cause()))
          .start();
    } catch (RuntimeException e) {
      say(out, "START-FAILED " + e.getMessage());
      System.exit(3);
      return;
    }
    say(out, "READY " + node.nodeId());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      String[] words = line.trim().split(" ");
      try {
        switch (words[0]) {
          case "every" -> say(out, "EVERY " + (node.every(words[1],
              Duration.ofMillis(Long.parseLong(words[2])), parameters(words, 3))
              ? "created" : "kept"));
          case "submit" -> say(out, "SUBMITTED " + node.submit(words[1], parameters(words, 2)));
          case "close" -> {
            List<TaskRun> cutOff = node.shutdown(Duration.ofMillis(Long.parseLong(words[1])));
            say(out, "CUTOFF " + cutOff);
            say(out, "CLOSED");
            return;
          }
          default -> say(out, "ERROR unknown command " + line);
        }
      } catch (RuntimeException e) {
        say(out, "ERROR " + e.getMessage());
      }
    }
    node.close();
  }

  private static Map<String, String> parameters(String[] words, int index) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (words.length > index && !words[index].isEmpty()) {
      for (String pair : words[index].split(",")) {
        int equals = pair.indexOf('=');
        parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return parameters;
  }

  private static void say(PrintStream out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
