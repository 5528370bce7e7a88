package dev.patchbay.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link ClusterNodeMain} in its own JVM: the tests send it commands and read what it says.
 * Its log goes to {@code target/cluster-nodes/<node>.log}.
 */
final class NodeProcess implements AutoCloseable {
  private static final Path LOGS = Path.of("target", "cluster-nodes");

  private final String nodeId;
  private final Process process;
  private final Writer stdin;
  private final List<String> lines = new ArrayList<>();

  private NodeProcess(String nodeId, Process process) {
    this.nodeId = nodeId;
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, "stdout of " + nodeId);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts a node JVM on {@code database}; returns at once, before the node is ready. */
  static NodeProcess start(TestDatabase database, String cluster, String nodeId,
      long checkInMillis, int threads) throws IOException {
    Files.createDirectories(LOGS);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Djava.util.logging.config.file=" + Path.of("src", "test", "resources",
            "node-logging.properties").toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"),
        ClusterNodeMain.class.getName(), cluster, nodeId, Long.toString(checkInMillis),
        Integer.toString(threads));
    builder.environment().put(ClusterNodeMain.URL_ENV, database.url());
    builder.environment().put(ClusterNodeMain.USER_ENV, database.user());
    builder.environment().put(ClusterNodeMain.PASSWORD_ENV, database.password());
    builder.redirectError(LOGS.resolve(nodeId + ".log").toFile());
    return new NodeProcess(nodeId, builder.start());
  }

  String nodeId() {
    return nodeId;
  }

  private void readLines() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process was killed; what it said so far stays in lines.
    }
  }

  /** Sends one command line. */
  void send(String command) throws IOException {
    stdin.write(command + "\n");
    stdin.flush();
  }

  /** Everything the node said so far. */
  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** The first line that matches, if the node has said it. */
  Optional<String> find(Predicate<String> match) {
    return lines().stream().filter(match).findFirst();
  }

  /** Waits for a line that starts with {@code prefix}; fails with what the node said. */
  String await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (String line : lines) {
          if (line.startsWith(prefix)) {
            return line;
          }
          if (line.startsWith("START-FAILED")) {
            throw new AssertionError("node " + nodeId + ": " + line);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("node " + nodeId + " did not say '" + prefix + "' within "
              + timeout + "; it said " + lines + "; alive: " + process.isAlive()
              + "; see " + LOGS.resolve(nodeId + ".log").toAbsolutePath());
        }
        lines.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Waits until {@code count} lines start with {@code prefix}, for a command sent again. */
  void awaitCount(String prefix, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (lines.stream().filter(line -> line.startsWith(prefix)).count() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("node " + nodeId + " did not say '" + prefix + "' " + count
              + " times within " + timeout + "; it said " + lines);
        }
        lines.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Kills the JVM at once: SIGKILL on Linux, like {@code kill -9}. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Closes the node with a grace period and returns its {@code CUTOFF} line. */
  String closeNode(Duration grace) throws IOException, InterruptedException {
    send("close " + grace.toMillis());
    String cutOff = await("CUTOFF", grace.plusSeconds(20));
    await("CLOSED", Duration.ofSeconds(10));
    return cutOff;
  }

  /** Makes sure the JVM is gone. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
