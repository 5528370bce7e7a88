package dev.patchbay.benchmarks.report;

/**
 * A target from issue 7 and what this run measured against it.
 *
 * @param target the target as stated, e.g. "≥ 20× faster than ServiceLoader"
 * @param measured the measured figure, e.g. "37×"
 * @param met whether the measurement meets the target
 */
public record Verdict(String target, String measured, boolean met) {

  /**
   * The verdict as a word for tables.
   *
   * @return "met" or "MISSED"
   */
  public String word() {
    return met ? "met" : "MISSED";
  }
}
