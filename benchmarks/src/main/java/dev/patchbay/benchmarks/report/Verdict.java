package dev.patchbay.benchmarks.report;

/**
 * A target the project set itself and what this run measured against it.
 *
 * @param target the target as stated, e.g. "≥ 20× faster than ServiceLoader"
 * @param measured the measured figure, e.g. "37×"
 * @param met whether the measurement meets the target
 * @param outOfReach for a missed target, the measurement of this same run showing that no
 *     implementation could meet it here (a floor or ceiling it would have to beat), else null
 */
public record Verdict(String target, String measured, boolean met, String outOfReach) {

  /**
   * A target without a floor or ceiling to compare against.
   *
   * @param target the target as stated
   * @param measured the measured figure
   * @param met whether the measurement meets the target
   */
  public Verdict(String target, String measured, boolean met) {
    this(target, measured, met, null);
  }

  /**
   * The verdict as a word for tables.
   *
   * @return "met", "MISSED", or "MISSED, out of reach"
   */
  public String word() {
    if (met) {
      return "met";
    }
    return outOfReach == null ? "MISSED" : "MISSED, out of reach";
  }
}
