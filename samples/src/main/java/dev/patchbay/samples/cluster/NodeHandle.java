package dev.patchbay.samples.cluster;

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

/** A node JVM the cluster sample started: its stdin, what it printed, its log file. */
final class NodeHandle implements AutoCloseable {
  private final String nodeId;
  private final Process process;
  private final Path log;
  private final Writer stdin;
  private final List<String> lines = new ArrayList<>();

  private NodeHandle(String nodeId, Process process, Path log) {
    this.nodeId = nodeId;
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::read, "stdout of " + nodeId);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java -cp <this class path> SamplesCli cluster node ...}. */
  static NodeHandle start(String nodeId, List<String> nodeArguments, Path logFolder)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        "dev.patchbay.samples.SamplesCli", "cluster", "node"));
    command.addAll(nodeArguments);
    Path log = logFolder.resolve(nodeId + ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    return new NodeHandle(nodeId, process, log);
  }

  String nodeId() {
    return nodeId;
  }

  private void read() {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // Killed: what it printed so far is kept.
    }
  }

  void send(String command) throws IOException {
    stdin.write(command + "\n");
    stdin.flush();
  }

  /**
   * Waits for a line starting with {@code prefix}.
   *
   * @throws IOException when the node exits or stays silent, with the end of its log
   */
  String await(String prefix, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (String line : lines) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(l -> l.startsWith(prefix)))) {
          if (!process.isAlive()) {
            // Give the reader a moment to drain the last lines of a process that just ended.
            lines.wait(200);
            for (String line : lines) {
              if (line.startsWith(prefix)) {
                return line;
              }
            }
          }
          throw new IOException("node " + nodeId + " did not say " + prefix + " within " + timeout
              + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
              + "; its log " + log + " ends with: " + tail());
        }
        lines.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  private String tail() {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join(" | ", all.subList(Math.max(0, all.size() - 5), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** Kills the JVM with SIGKILL, as {@code kill -9} would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

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
