package dev.patchbay.samples.cluster;

import dev.patchbay.cluster.ClusterScheduler;
import dev.patchbay.cluster.TaskRun;
import com.zaxxer.hikari.HikariDataSource;
import dev.patchbay.samples.CliErrors;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cluster node}: one node of the cluster sample, in its own JVM. {@code cluster} starts
 * these and talks to them through stdin and stdout; it is not meant to be run by hand.
 */
@Command(
    name = "node",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "One node of the cluster sample; `cluster` starts these in their own JVMs.")
public final class ClusterNodeCommand implements Callable<Integer> {
  // Quartz and HikariCP report through SLF4J to java.util.logging; keep their INFO lines off
  // the console.
  // A strong reference keeps the level set (the logging framework holds loggers weakly).
  private static final Logger QUARTZ_LOG = Logger.getLogger("org.quartz");
  private static final Logger HIKARI_LOG = Logger.getLogger("com.zaxxer.hikari");

  @Spec
  CommandSpec spec;

  @Option(names = "--cluster", required = true, description = "Cluster name.")
  String cluster;

  @Option(names = "--node-id", required = true, description = "This node's id.")
  String nodeId;

  @Option(names = "--jdbc", required = true, description = "JDBC URL of the shared database.")
  String url;

  @Option(names = "--user", defaultValue = "", description = "Database user.")
  String user;

  @Option(names = "--password-env", defaultValue = "",
      description = "Environment variable that holds the database password.")
  String passwordEnv;

  @Option(names = "--check-in-ms", defaultValue = "2000", description = "Check-in interval.")
  long checkInMillis;

  @Option(names = "--interval-ms", defaultValue = "500", description = "Period of the tick task.")
  long intervalMillis;

  /** Creates the command; picocli fills in its options. */
  public ClusterNodeCommand() {}

  @Override
  public Integer call() throws Exception {
    QUARTZ_LOG.setLevel(Level.WARNING);
    HIKARI_LOG.setLevel(Level.WARNING);
    PrintWriter out = spec.commandLine().getOut();
    String password = passwordEnv.isEmpty() ? "" : System.getenv(passwordEnv);
    Map<String, String> where = new LinkedHashMap<>();
    where.put(RunLog.URL, url);
    where.put(RunLog.USER, user);
    where.put(RunLog.PASSWORD_ENV, passwordEnv);
    where.put(RunLog.CLUSTER, cluster);
    // Quartz takes a connection for every transaction, so the node pools them.
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(6);
    pool.setPoolName("cluster-" + nodeId);
    try (pool; ClusterScheduler node = ClusterScheduler.builder(pool)
        .clusterName(cluster)
        .nodeId(nodeId)
        .threads(2)
        .checkInInterval(Duration.ofMillis(checkInMillis))
        .onFailure(failure -> say(out, "FAILURE " + failure))
        .start()) {
      // Every node asks for the schedule; the cluster keeps one.
      boolean created = node.every("tick", Duration.ofMillis(intervalMillis), where);
      say(out, "READY " + nodeId + (created ? " is up; it created the tick schedule"
          : " is up; it found the tick schedule in place"));
      BufferedReader in = new BufferedReader(
          new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        String[] words = line.split(" ", -1);
        if (words[0].equals("submit")) {
          Map<String, String> parameters = new LinkedHashMap<>(where);
          parameters.put("millis", words[2]);
          say(out, "SUBMITTED " + node.submit(words[1], parameters));
        } else if (words[0].equals("close")) {
          List<TaskRun> cutOff = node.shutdown(Duration.ofMillis(Long.parseLong(words[1])));
          say(out, "CUTOFF " + cutOff);
          return CliErrors.OK;
        }
      }
    }
    return CliErrors.OK;
  }

  private static void say(PrintWriter out, String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
