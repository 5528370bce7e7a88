package dev.patchbay.benchmarks.jmh;

import dev.patchbay.benchmarks.harness.Mode;
import dev.patchbay.benchmarks.harness.Processes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts {@link JmhLauncher} in a child JVM with the mode's fixed budget and parses scores. */
public final class JmhRun {
  /**
   * Per-iteration scores of one benchmark method.
   *
   * @param scores every measured iteration of every fork
   * @param unit JMH's score unit, e.g. {@code ns/op}
   */
  public record Scores(List<Double> scores, String unit) {}

  private JmhRun() {}

  /**
   * The heap of every JMH fork, fixed so figures do not depend on the machine's memory. 2 GB, a
   * modest service heap: with 256 MB, allocating rows (every approach to shared state boxes a
   * {@code Long} per update) spent their time in young collections, by how much varying with
   * the run.
   */
  public static final String HEAP = "2g";

  /**
   * Runs the benchmarks matching {@code include}.
   *
   * @param java the java launcher
   * @param classpath class path with the benchmarks and JMH
   * @param work working directory
   * @param mode the fork and iteration budget
   * @param include JMH include regex
   * @return scores by benchmark name (fully qualified method)
   * @throws IOException when the child cannot start
   * @throws InterruptedException when interrupted
   */
  public static Map<String, Scores> run(String java, String classpath, Path work, Mode mode,
      String include) throws IOException, InterruptedException {
    return run(java, classpath, work, mode, include, mode.jmhWarmups());
  }

  /**
   * Runs the benchmarks matching {@code include} with at least {@code warmups} warm-up
   * iterations.
   *
   * @param java the java launcher
   * @param classpath class path with the benchmarks and JMH
   * @param work working directory
   * @param mode the fork and iteration budget
   * @param include JMH include regex
   * @param warmups warm-up iterations
   * @return scores by benchmark name (fully qualified method)
   * @throws IOException when the child cannot start
   * @throws InterruptedException when interrupted
   */
  public static Map<String, Scores> run(String java, String classpath, Path work, Mode mode,
      String include, int warmups) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java, "-cp", classpath,
        JmhLauncher.class.getName(),
        "-f", String.valueOf(mode.jmhForks()),
        "-wi", String.valueOf(warmups), "-w", mode.jmhSeconds() + "s",
        "-i", String.valueOf(mode.jmhIterations()), "-r", mode.jmhSeconds() + "s",
        "-jvmArgs", "-Xms" + HEAP + " -Xmx" + HEAP,
        include));
    Processes.Outcome out = Processes.run(command, work, Duration.ofMinutes(20)).orThrow();
    Map<String, Scores> byName = new LinkedHashMap<>();
    for (String line : out.stdout().lines().toList()) {
      if (line.startsWith("JMH ")) {
        String[] parts = line.split(" ", -1);
        Scores s = byName.computeIfAbsent(parts[1],
            k -> new Scores(new ArrayList<>(), parts[3].replace('_', ' ')));
        s.scores().add(Double.parseDouble(parts[2]));
      }
    }
    if (byName.isEmpty()) {
      throw new IllegalStateException("JMH printed no results for " + include + ":\n"
          + out.stdout() + out.stderr());
    }
    return byName;
  }
}
