package dev.patchbay.benchmarks.report;

import dev.patchbay.benchmarks.harness.Summary;
import java.util.Locale;

/** Number formatting shared by tables, so every figure reads the same way. */
public final class Format {
  private Format() {}

  /**
   * A number with about three significant digits.
   *
   * @param value the number
   * @return e.g. {@code 1234}, {@code 12.3}, {@code 0.123}
   */
  public static String num(double value) {
    double a = Math.abs(value);
    if (a >= 100 || a == 0) {
      return String.format(Locale.ROOT, "%,.0f", value);
    } else if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    } else if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }

  /**
   * The median of a summary with its unit.
   *
   * @param s the summary
   * @param unit the unit
   * @return e.g. {@code 12.3 ms}
   */
  public static String median(Summary s, String unit) {
    return num(s.median()) + " " + unit;
  }

  /**
   * The range of a summary.
   *
   * @param s the summary
   * @return e.g. {@code 11.9 – 14.0}
   */
  public static String range(Summary s) {
    return num(s.min()) + " – " + num(s.max());
  }

  /**
   * A ratio.
   *
   * @param ratio the ratio
   * @return e.g. {@code 37×}
   */
  public static String times(double ratio) {
    return num(ratio) + "×";
  }
}
