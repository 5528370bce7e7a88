package dev.patchbay.benchmarks.cluster;

import com.zaxxer.hikari.HikariDataSource;
import dev.patchbay.cluster.ClusterScheduler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One cluster node in its own JVM for the cluster benchmark: started by {@link ClusterSuite},
 * driven through stdin ({@code submit TASK COUNT TABLE}, {@code close}), reporting on stdout.
 *
 * <p>Arguments: {@code cluster nodeId checkInMillis threads}; the database comes from the
 * {@link #URL_ENV}, {@link #USER_ENV} and {@link #PASSWORD_ENV} environment variables.
 */
public final class ClusterProbe {
  static final String URL_ENV = "BENCH_CLUSTER_URL";
  static final String USER_ENV = "BENCH_CLUSTER_USER";
  static final String PASSWORD_ENV = "BENCH_CLUSTER_PASSWORD";
  // Held so the level sticks: java.util.logging keeps loggers weakly.
  private static final Logger QUARTZ_LOG = Logger.getLogger("org.quartz");
  private static final Logger HIKARI_LOG = Logger.getLogger("com.zaxxer.hikari");

  // The node's pool, which the tasks share; set once in main before the node starts.
  private static volatile HikariDataSource pool;

  private ClusterProbe() {}

  /** The node's connection pool. */
  static HikariDataSource pool() {
    return pool;
  }

  /**
   * Starts the node and runs its commands until {@code close} or end of input.
   *
   * @param args cluster name, node id, check-in interval in ms, threads
   * @throws Exception when the node cannot start
   */
  public static void main(String[] args) throws Exception {
    QUARTZ_LOG.setLevel(Level.WARNING);
    HIKARI_LOG.setLevel(Level.WARNING);
    // Quartz takes a connection for every transaction; a pool is what a real node would use.
    HikariDataSource connections = new HikariDataSource();
    connections.setJdbcUrl(System.getenv(URL_ENV));
    connections.setUsername(System.getenv(USER_ENV));
    connections.setPassword(System.getenv(PASSWORD_ENV));
    // Room for each thread's task and Quartz's own transaction besides it.
    connections.setMaximumPoolSize(2 * Integer.parseInt(args[3]) + 3);
    pool = connections;
    try (connections; ClusterScheduler node = ClusterScheduler.builder(connections)
        .clusterName(args[0]).nodeId(args[1])
        .checkInInterval(Duration.ofMillis(Long.parseLong(args[2])))
        .threads(Integer.parseInt(args[3]))
        .gracePeriod(Duration.ZERO)
        .start()) {
      say("READY " + args[1]);
      BufferedReader in = new BufferedReader(
          new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        String[] words = line.split(" ", -1);
        if (words[0].equals("submit")) {
          int count = Integer.parseInt(words[2]);
          Map<String, String> parameters = words.length > 3 ? Map.of("table", words[3]) : Map.of();
          for (int i = 0; i < count; i++) {
            node.submit(words[1], parameters);
          }
          say("SUBMITTED " + count);
        } else if (words[0].equals("close")) {
          break;
        }
      }
    }
    say("CLOSED");
  }

  static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
