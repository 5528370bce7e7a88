package dev.patchbay.benchmarks.harness;

/**
 * How much measuring one run does: {@code quick} fits in ten minutes on two cores (about five on
 * a quiet machine), {@code full} repeats more; both run the timers for the whole minute.
 *
 * @param name "quick" or "full"
 * @param plugins plugin classes in the cold-start inputs
 * @param coldRuns fresh JVMs per cold-start figure (after one discarded warm-up round)
 * @param compileSources plugin sources in the compile-cost inputs
 * @param compileRuns javac processes per compile-cost figure (after one discarded round)
 * @param jmhForks JMH forks per benchmark
 * @param jmhWarmups JMH warm-up iterations
 * @param jmhIterations JMH measured iterations
 * @param jmhSeconds seconds per JMH iteration
 * @param timerSeconds how long each timer runs
 * @param mapBoundedRuns measured repetitions of the mapBounded workload per JVM
 * @param scraperRuns measured repetitions of each scraper mode
 */
public record Mode(String name, int plugins, int coldRuns, int compileSources, int compileRuns,
    int jmhForks, int jmhWarmups, int jmhIterations, int jmhSeconds, int timerSeconds,
    int mapBoundedRuns, int scraperRuns) {

  /**
   * The mode called {@code name}.
   *
   * @param name "quick" or "full"
   * @return the mode
   * @throws IllegalArgumentException for any other name
   */
  public static Mode named(String name) {
    return switch (name) {
      case "quick" -> new Mode("quick", 1000, 9, 2000, 5, 1, 2, 5, 1, 60, 5, 8);
      case "full" -> new Mode("full", 1000, 15, 2000, 10, 2, 3, 5, 2, 60, 15, 10);
      default -> throw new IllegalArgumentException(
          "unknown mode '" + name + "': use quick (under 10 minutes) or full");
    };
  }

  /**
   * A copy with fewer inputs and repetitions, for debugging the harness.
   *
   * @param plugins plugin classes to generate
   * @return the shrunk mode
   */
  public Mode tiny(int plugins) {
    return new Mode(name + " (tiny)", plugins, 2, plugins * 2, 2, 1, 1, 1, 1, 3, 2, 2);
  }
}
