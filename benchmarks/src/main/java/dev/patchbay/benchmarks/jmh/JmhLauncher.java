package dev.patchbay.benchmarks.jmh;

import java.util.Collection;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs JMH with ordinary JMH command-line options in a child process of the harness and prints
 * every measured iteration's score, {@code JMH <benchmark> <score> <unit>}, so the harness can
 * report medians and ranges rather than JMH's mean alone.
 */
public final class JmhLauncher {
  private JmhLauncher() {}

  /**
   * Entry point.
   *
   * @param args JMH options, e.g. {@code -f 1 -wi 2 -i 3 -r 1s WarmCreate}
   * @throws Exception when JMH fails
   */
  public static void main(String[] args) throws Exception {
    Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
    for (RunResult run : results) {
      String benchmark = run.getParams().getBenchmark();
      String unit = run.getPrimaryResult().getScoreUnit();
      for (BenchmarkResult fork : run.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          System.out.println("JMH " + benchmark + " " + iteration.getPrimaryResult().getScore()
              + " " + unit.replace(' ', '_'));
        }
      }
    }
  }
}
