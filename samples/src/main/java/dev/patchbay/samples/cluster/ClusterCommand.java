package dev.patchbay.samples.cluster;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cluster}: several node JVMs share one database through the cluster module; a periodic
 * task runs once per firing on whichever node gets it, and when one node is killed mid-run its
 * long task runs again on another.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    subcommands = ClusterNodeCommand.class,
    description = {
        "Plugin tasks on a Quartz cluster of node JVMs: each firing runs once; a killed node's task runs again elsewhere.",
        "Without --jdbc the nodes share an embedded H2 database file in a temporary folder (H2's automatic mixed mode)."
    })
public final class ClusterCommand implements Callable<Integer> {
  /** Check-in interval of the nodes: a killed node's work restarts within about twice this. */
  static final Duration CHECK_IN = Duration.ofSeconds(2);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  @Spec
  CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "3", paramLabel = "N",
      description = "Node JVMs to start, 2 to 8 (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--seconds", defaultValue = "20", paramLabel = "S",
      description = "How long the cluster runs; one node is killed half way (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--jdbc", paramLabel = "URL",
      description = "JDBC URL of a PostgreSQL or MariaDB/MySQL database (default: embedded H2).")
  String url;

  @Option(names = "--user", paramLabel = "U", description = "Database user (with --jdbc).")
  String user;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "Environment variable holding the database password (with --jdbc); never a password on the command line.")
  String passwordEnv;

  /** Creates the command; picocli fills in its options. */
  public ClusterCommand() {}

  @Override
  public Integer call() throws Exception {
    checkOptions();
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("patchbay-cluster-");
    try {
      String jdbc = url != null ? url
          // async: H2 keeps its file open when Quartz interrupts a thread that is reading it.
          : "jdbc:h2:async:" + work.resolve("cluster").toAbsolutePath() + ";AUTO_SERVER=TRUE";
      String who = url != null && user != null ? user : url != null ? "" : "sa";
      String password = passwordEnv != null ? System.getenv(passwordEnv) : "";
      out.printf(Locale.ROOT, "database: %s%n", url != null ? url : "embedded H2 in " + work);
      // Held open for the whole run: with H2 this JVM serves the file to the nodes, so killing
      // a node never takes the database down with it.
      try (Connection connection = connect(jdbc, who, password)) {
        RunLog.createTables(connection);
        String cluster = "sample-" + UUID.randomUUID().toString().substring(0, 8);
        try {
          run(out, connection, cluster, jdbc, who, work);
        } finally {
          RunLog.forget(connection, cluster);
        }
      }
      return CliErrors.OK;
    } finally {
      deleteTree(work);
    }
  }

  private void run(PrintWriter out, Connection connection, String cluster, String jdbc,
      String who, Path work) throws Exception {
    List<String> common = new ArrayList<>(List.of("--cluster", cluster, "--jdbc", jdbc,
        "--user", who, "--check-in-ms", Long.toString(CHECK_IN.toMillis())));
    if (passwordEnv != null) {
      common.addAll(List.of("--password-env", passwordEnv));
    }
    List<NodeHandle> handles = new ArrayList<>();
    try {
      for (int i = 1; i <= nodes; i++) {
        List<String> arguments = new ArrayList<>(common);
        arguments.addAll(List.of("--node-id", "node-" + i));
        handles.add(NodeHandle.start("node-" + i, arguments, work));
      }
      for (NodeHandle handle : handles) {
        out.println(handle.await("READY", START_TIMEOUT).substring("READY ".length()));
        out.flush();
      }
      out.printf(Locale.ROOT, "%d nodes run 'tick' every 500 ms and one 'long-job' for %d s;"
          + " check-in every %d s%n", nodes, seconds, CHECK_IN.toSeconds());
      out.flush();
      handles.get(0).send("submit long-job " + seconds * 2_000L);

      Thread.sleep(seconds * 500L);
      // Kill the node running the long job, so that its recovery shows.
      Optional<RunLog.Run> longJob = awaitLongJob(connection, cluster, /* recovery= */ false);
      String victimId = longJob.map(RunLog.Run::node).orElse("node-1");
      NodeHandle victim = handles.stream().filter(h -> h.nodeId().equals(victimId)).findFirst()
          .orElseThrow();
      long killedAt = System.currentTimeMillis();
      victim.kill();
      out.printf(Locale.ROOT, "killed %s (kill -9) at %.1f s%n", victimId, seconds / 2.0);
      out.flush();
      Thread.sleep(seconds * 500L);
      if (longJob.isPresent()) {
        // On a busy machine the re-run may come after the second half; the report needs it.
        awaitLongJob(connection, cluster, /* recovery= */ true);
      }

      List<NodeHandle> survivors = handles.stream().filter(h -> h != victim).toList();
      for (NodeHandle survivor : survivors) {
        survivor.send("close 1000");
      }
      for (NodeHandle survivor : survivors) {
        String cutOff = survivor.await("CUTOFF", START_TIMEOUT);
        if (!cutOff.equals("CUTOFF []")) {
          out.printf(Locale.ROOT, "%s closed; its 1 s grace period cut off %s%n",
              survivor.nodeId(), cutOff.substring("CUTOFF ".length()));
        }
      }
      report(out, connection, cluster, victimId, killedAt);
    } finally {
      for (NodeHandle handle : handles) {
        handle.close();
      }
    }
  }

  /**
   * Waits up to three check-in intervals for the long job's first run, or for its re-run.
   */
  private static Optional<RunLog.Run> awaitLongJob(Connection connection, String cluster,
      boolean recovery) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + CHECK_IN.multipliedBy(3).toNanos();
    while (true) {
      Optional<RunLog.Run> run = RunLog.runs(connection, RunLog.RUNS, cluster).stream()
          .filter(r -> r.task().equals("long-job") && r.recovery() == recovery).findFirst();
      if (run.isPresent() || System.nanoTime() > deadline) {
        return run;
      }
      Thread.sleep(100);
    }
  }

  private void report(PrintWriter out, Connection connection, String cluster, String victimId,
      long killedAt) throws SQLException {
    List<RunLog.Run> runs = RunLog.runs(connection, RunLog.RUNS, cluster);
    List<RunLog.Run> ticks = runs.stream().filter(run -> run.task().equals("tick")).toList();
    Map<String, Long> perNode = ticks.stream().collect(
        Collectors.groupingBy(RunLog.Run::node, TreeMap::new, Collectors.counting()));
    out.println("tick runs per node:");
    for (int i = 1; i <= nodes; i++) {
      String node = "node-" + i;
      out.printf(Locale.ROOT, "  %-8s %4d%s%n", node, perNode.getOrDefault(node, 0L),
          node.equals(victimId) ? "  (killed)" : "");
    }
    long firings = ticks.stream().mapToLong(RunLog.Run::fireTime).distinct().count();
    out.printf(Locale.ROOT, "tick firings: %d, runs: %d%n", firings, ticks.size());
    List<RunLog.Run> duplicates = RunLog.runs(connection, RunLog.DUPLICATES, cluster);
    out.printf(Locale.ROOT, "duplicates: %d%n", duplicates.size());
    for (RunLog.Run duplicate : duplicates) {
      out.printf(Locale.ROOT, "  %s%n", duplicate);
      runs.stream().filter(run -> run.task().equals(duplicate.task())
          && run.fireTime() == duplicate.fireTime())
          .forEach(first -> out.printf(Locale.ROOT, "  first run: %s%n", first));
    }

    Optional<RunLog.Run> rerun = runs.stream()
        .filter(run -> run.task().equals("long-job") && run.recovery()).findFirst();
    if (rerun.isPresent()) {
      out.printf(Locale.ROOT, "failover gap: long-job ran again on %s (attempt %d) %.1f s after"
          + " the kill (check-in interval %d s)%n", rerun.get().node(), rerun.get().attempt(),
          (rerun.get().startedAt() - killedAt) / 1000.0, CHECK_IN.toSeconds());
    } else {
      out.println("failover gap: long-job was not re-run before the end; run longer (--seconds)");
    }
    // The periodic task's longest pause between runs, which the kill may stretch.
    List<Long> starts = ticks.stream().map(RunLog.Run::startedAt).sorted().toList();
    long longest = 0;
    for (int i = 1; i < starts.size(); i++) {
      longest = Math.max(longest, starts.get(i) - starts.get(i - 1));
    }
    out.printf(Locale.ROOT, "longest pause between tick runs: %.1f s%n", longest / 1000.0);
    out.flush();
  }

  private void checkOptions() {
    if (nodes < 2 || nodes > 8) {
      throw new ParameterException(spec.commandLine(),
          "--nodes " + nodes + ": give 2 to 8 nodes (one is killed half way)");
    }
    if (seconds < 4 || seconds > 3600) {
      throw new ParameterException(spec.commandLine(),
          "--seconds " + seconds + ": give 4 to 3600 seconds");
    }
    if (url == null && (user != null || passwordEnv != null)) {
      throw new ParameterException(spec.commandLine(),
          "--user and --password-env go with --jdbc; without --jdbc the sample uses embedded H2");
    }
    if (passwordEnv != null && System.getenv(passwordEnv) == null) {
      throw new ParameterException(spec.commandLine(), "--password-env " + passwordEnv
          + ": the environment variable " + passwordEnv + " is not set");
    }
  }

  private static Connection connect(String jdbc, String who, String password) {
    try {
      return DriverManager.getConnection(jdbc, who, password);
    } catch (SQLException e) {
      throw new CommandFailedException("cannot reach the database at " + jdbc + ": "
          + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
