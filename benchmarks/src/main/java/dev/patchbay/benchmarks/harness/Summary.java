package dev.patchbay.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Order statistics of one series of measurements.
 *
 * @param count number of measurements
 * @param median the median (mean of the two middle values for an even count)
 * @param min the smallest measurement
 * @param max the largest measurement
 * @param p99 the 99th percentile (nearest rank)
 */
public record Summary(int count, double median, double min, double max, double p99) {

  /**
   * Summarises {@code values}.
   *
   * @param values at least one measurement
   * @return the summary
   * @throws IllegalArgumentException when {@code values} is empty
   */
  public static Summary of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no measurements to summarise");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median = n % 2 == 1
        ? sorted.get(n / 2)
        : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    // Nearest-rank percentile: the smallest value with at least 99% of values at or below it.
    int rank = (int) Math.ceil(0.99 * n);
    return new Summary(n, median, sorted.get(0), sorted.get(n - 1), sorted.get(rank - 1));
  }

  /**
   * Returns this summary with every figure multiplied by {@code factor} (a change of unit).
   *
   * @param factor the multiplier
   * @return the scaled summary
   */
  public Summary scaled(double factor) {
    return new Summary(count, median * factor, min * factor, max * factor, p99 * factor);
  }
}
