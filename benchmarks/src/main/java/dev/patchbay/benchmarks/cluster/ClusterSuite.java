package dev.patchbay.benchmarks.cluster;

import dev.patchbay.benchmarks.harness.Mode;
import dev.patchbay.benchmarks.harness.Summary;
import dev.patchbay.benchmarks.harness.Toolchain;
import dev.patchbay.benchmarks.report.Charts;
import dev.patchbay.benchmarks.report.Format;
import dev.patchbay.benchmarks.report.Section;
import dev.patchbay.benchmarks.report.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The cluster module on PostgreSQL, with node JVMs: how soon a killed node's running task runs
 * again on another node, against the configured check-in interval; and how many one-off tasks
 * one, two and three nodes run per second.
 */
public final class ClusterSuite {
  private static final long[] CHECK_IN_MILLIS = {1_000, 2_000, 4_000};
  private static final int[] NODE_COUNTS = {1, 2, 3};
  private static final int THREADS_PER_NODE = 4;
  private static final String NOTE_FAILOVER = "Checking in twice per interval costs twice the"
      + " check-in writes (one small UPDATE per node per half interval) and keeps the worst case"
      + " inside the target; a smaller `clockSkewAllowance` lowers it further, at the risk of"
      + " taking a slow node for a dead one.";
  private static final String NOTE_THROUGHPUT = "More node JVMs on this machine share its two"
      + " cores with each other and with PostgreSQL, and take turns at the same trigger lock, so"
      + " they add no throughput here; on separate machines the lock's round trip to the"
      + " database is the bound. Acquiring several firings per turn (Quartz's batch"
      + " acquisition) is the lever this module does not pull yet.";

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;
  private final String url = System.getenv("PATCHBAY_PG_URL");
  private final String user = System.getenv("PATCHBAY_PG_USER");
  private final String password = System.getenv("PATCHBAY_PG_PASSWORD");

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work working directory (node logs go here)
   * @param mode how many repetitions
   * @param charts directory receiving the PNG charts
   */
  public ClusterSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work;
    this.mode = mode;
    this.charts = charts;
  }

  /**
   * Runs both measurements.
   *
   * @return the failover and throughput sections
   * @throws Exception when a node cannot be started or the database fails
   */
  public List<Section> run() throws Exception {
    if (url == null || url.isBlank()) {
      return List.of(new Section("Cluster: not measured", "PATCHBAY_PG_URL is not set: the"
          + " cluster rows need the PostgreSQL server that `.ci/start-databases.sh` starts"
          + " (`PATCHBAY_KEEP_DATABASES=1 source .ci/start-databases.sh`)."));
    }
    boolean quick = mode.name().startsWith("quick");
    return List.of(failover(quick ? 3 : 5), throughput(quick ? 300 : 1_000, quick ? 2 : 3));
  }

  private Section failover(int repeats) throws Exception {
    Section s = new Section("Cluster failover: kill -9 to re-run",
        "Two nodes (separate JVMs, " + THREADS_PER_NODE + " threads each) on PostgreSQL; one"
        + " runs a long recoverable task and is killed with SIGKILL. The gap is from the kill to"
        + " the task's second attempt starting on the other node (both times from"
        + " `System.currentTimeMillis()` on this machine). Nodes check in twice per interval; one"
        + " counts as dead half an interval plus the clock skew allowance (a quarter of the"
        + " interval) after its last check-in, and the survivor looks every half interval, so"
        + " the gap is at most 1.25 × the interval plus the time to start the task again;"
        + " plain Quartz adds a fixed 7.5 s instead of the allowance. " + repeats
        + " kills per interval.");
    s.headers("check-in interval", "median gap", "min – max", "median / interval",
        "max / interval");
    List<Charts.Bar> bars = new ArrayList<>();
    double worstRatio = 0;
    for (long checkIn : CHECK_IN_MILLIS) {
      List<Double> gaps = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        gaps.add(oneFailover(checkIn) / 1000.0);
        System.out.printf(Locale.ROOT, "  failover, check-in %d ms: %.2f s%n", checkIn,
            gaps.get(gaps.size() - 1));
      }
      Summary sum = Summary.of(gaps);
      double interval = checkIn / 1000.0;
      worstRatio = Math.max(worstRatio, sum.max() / interval);
      s.row(Format.num(interval) + " s", Format.num(sum.median()) + " s",
          Format.range(sum), Format.num(sum.median() / interval) + " ×",
          Format.num(sum.max() / interval) + " ×");
      bars.add(new Charts.Bar(Format.num(interval) + " s check-in", sum.median(), sum.min(),
          sum.max(), true));
    }
    s.verdict(new Verdict("re-run within 2 × the check-in interval",
        "worst " + Format.num(worstRatio) + " × the interval", worstRatio <= 2.0));
    s.note(NOTE_FAILOVER);
    s.headline(String.format(Locale.ROOT, "Cluster failover on PostgreSQL: a killed node's task"
        + " runs again on another node within %s × the check-in interval (worst of %d kills"
        + " per interval).", Format.num(worstRatio), repeats));
    Charts.bars(charts.resolve("cluster-failover.png"),
        "Cluster: kill -9 to the task's re-run, by check-in interval", "s", bars, false);
    s.chart("cluster-failover.png");
    return s;
  }

  /** Starts two nodes, runs the long task, kills its node; returns the gap in milliseconds. */
  private long oneFailover(long checkIn) throws Exception {
    String cluster = name("bench-fo");
    List<Node> nodes = new ArrayList<>();
    try {
      for (int i = 1; i <= 2; i++) {
        nodes.add(Node.start(this, cluster, "node-" + i, checkIn, THREADS_PER_NODE));
      }
      for (Node node : nodes) {
        node.await("READY");
      }
      nodes.get(0).send("submit bench-long 1");
      Node victim = null;
      while (victim == null) {
        for (Node node : nodes) {
          if (node.find("STARTED") != null) {
            victim = node;
          }
        }
        Thread.sleep(5);
      }
      long killedAt = System.currentTimeMillis();
      victim.kill();
      Node survivor = nodes.get(0) == victim ? nodes.get(1) : nodes.get(0);
      String restarted = survivor.await("STARTED");
      String[] words = restarted.split(" ", -1);
      if (!words[2].equals("2")) {
        throw new IllegalStateException("expected attempt 2 on " + survivor.id + ": " + restarted);
      }
      return Long.parseLong(words[3]) - killedAt;
    } finally {
      for (Node node : nodes) {
        node.kill();
      }
      forget(cluster);
    }
  }

  private Section throughput(int tasks, int repeats) throws Exception {
    Section s = new Section("Cluster throughput: one-off tasks on PostgreSQL",
        tasks + " one-off tasks, each one `INSERT` into a table, submitted before the worker"
        + " nodes start; each worker is its own JVM with " + THREADS_PER_NODE + " threads. Rate"
        + " = tasks ÷ (last task's end − first task's start), from the tasks' own timestamps, so"
        + " JVM start-up is not counted. Nodes take firings under Quartz's trigger lock, one at a"
        + " time, so the lock's round trips to the database bound the rate; all nodes share this"
        + " machine's cores with PostgreSQL. " + repeats + " runs per row.");
    s.headers("nodes", "tasks per second (median)", "min – max", "vs 1 node");
    List<Charts.Bar> bars = new ArrayList<>();
    double one = Double.NaN;
    for (int count : NODE_COUNTS) {
      List<Double> rates = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        rates.add(oneThroughput(count, tasks));
        System.out.printf(Locale.ROOT, "  throughput, %d node(s): %.1f tasks/s%n", count,
            rates.get(rates.size() - 1));
      }
      Summary sum = Summary.of(rates);
      if (count == 1) {
        one = sum.median();
      }
      s.row(Integer.toString(count), Format.num(sum.median()), Format.range(sum),
          Format.times(sum.median() / one));
      bars.add(new Charts.Bar(count + (count == 1 ? " node" : " nodes"), sum.median(),
          sum.min(), sum.max(), true));
    }
    s.note(NOTE_THROUGHPUT);
    Charts.bars(charts.resolve("cluster-throughput.png"),
        "Cluster: one-off tasks per second on PostgreSQL", "tasks/s", bars, false);
    s.chart("cluster-throughput.png");
    return s;
  }

  /** Submits the tasks from a node without threads, then lets {@code count} workers run them. */
  private double oneThroughput(int count, int tasks) throws Exception {
    String cluster = name("bench-tp");
    String table = name("bench_done");
    execute("CREATE TABLE " + table + " (node VARCHAR(100) NOT NULL, started BIGINT NOT NULL,"
        + " finished BIGINT NOT NULL)");
    List<Node> nodes = new ArrayList<>();
    try {
      Node submitter = Node.start(this, cluster, "submitter", 2_000, 0);
      nodes.add(submitter);
      submitter.await("READY");
      submitter.send("submit bench-record " + tasks + " " + table);
      submitter.await("SUBMITTED");
      for (int i = 1; i <= count; i++) {
        nodes.add(Node.start(this, cluster, "worker-" + i, 2_000, THREADS_PER_NODE));
      }
      long deadline = System.nanoTime() + 600_000_000_000L;
      while (true) {
        try (Connection connection = connect();
            Statement statement = connection.createStatement();
            ResultSet row = statement.executeQuery(
                "SELECT COUNT(*), MIN(started), MAX(finished) FROM " + table)) {
          row.next();
          if (row.getInt(1) >= tasks) {
            return tasks * 1000.0 / Math.max(1, row.getLong(3) - row.getLong(2));
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(count + " nodes did not finish " + tasks + " tasks");
        }
        Thread.sleep(50);
      }
    } finally {
      for (Node node : nodes) {
        node.kill();
      }
      execute("DROP TABLE " + table);
      forget(cluster);
    }
  }

  private static String name(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Deletes what Quartz kept of a benchmark cluster, children first. */
  private void forget(String cluster) throws SQLException {
    for (String table : List.of("QRTZ_FIRED_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_TRIGGERS",
        "QRTZ_JOB_DETAILS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS")) {
      try (Connection connection = connect();
          PreparedStatement delete = connection.prepareStatement(
              "DELETE FROM " + table + " WHERE SCHED_NAME = ?")) {
        delete.setString(1, cluster);
        delete.executeUpdate();
      }
    }
  }

  /** A {@link ClusterProbe} JVM: its stdin and what it printed. */
  private static final class Node {
    private final String id;
    private final Process process;
    private final Writer stdin;
    private final List<String> lines = new ArrayList<>();

    private Node(String id, Process process) {
      this.id = id;
      this.process = process;
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            synchronized (lines) {
              lines.add(line);
              lines.notifyAll();
            }
          }
        } catch (IOException e) {
          // Killed: the lines so far are kept.
        }
      }, "stdout of " + id);
      reader.setDaemon(true);
      reader.start();
    }

    static Node start(ClusterSuite suite, String cluster, String id, long checkIn, int threads)
        throws IOException {
      ProcessBuilder builder = new ProcessBuilder(suite.tc.java(), "-Xmx128m",
          "-XX:+UseSerialGC", "-cp", suite.tc.fullClasspath(), ClusterProbe.class.getName(),
          cluster, id, Long.toString(checkIn), Integer.toString(threads));
      builder.environment().put(ClusterProbe.URL_ENV, suite.url);
      builder.environment().put(ClusterProbe.USER_ENV, suite.user);
      builder.environment().put(ClusterProbe.PASSWORD_ENV, suite.password);
      builder.redirectError(suite.work.resolve("cluster-" + id + ".log").toFile());
      return new Node(id, builder.start());
    }

    void send(String command) throws IOException {
      stdin.write(command + "\n");
      stdin.flush();
    }

    String find(String prefix) {
      synchronized (lines) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst().orElse(null);
      }
    }

    String await(String prefix) throws InterruptedException {
      long deadline = System.nanoTime() + 120_000_000_000L;
      synchronized (lines) {
        while (true) {
          String found = lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
              .orElse(null);
          if (found != null) {
            return found;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0 || !process.isAlive()) {
            throw new IllegalStateException("node " + id + " did not say " + prefix
                + "; it said " + lines + " (log: cluster-" + id + ".log)");
          }
          lines.wait(Math.min(1_000, Math.max(1, left / 1_000_000)));
        }
      }
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
