package dev.patchbay.samples.timer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration the way people type one: {@code 15}, {@code 0.2} (seconds), {@code 200ms},
 * {@code 5s}, {@code 2m}, or ISO-8601 such as {@code PT1.5S}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /**
   * Parses {@code text} as a non-negative duration; a bare number means seconds.
   *
   * @param text what the user typed
   * @return the duration
   * @throws TypeConversionException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.startsWith("pt")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = ofSeconds(new BigDecimal(t.substring(0, t.length() - 2)).movePointLeft(3));
      } else if (t.endsWith("s")) {
        d = ofSeconds(new BigDecimal(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = ofSeconds(new BigDecimal(t.substring(0, t.length() - 1)).multiply(BigDecimal.valueOf(60)));
      } else {
        d = ofSeconds(new BigDecimal(t));
      }
      if (d.isNegative()) {
        throw new TypeConversionException("'" + text + "' is negative; give a duration of zero or more");
      }
      return d;
    } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
      throw new TypeConversionException("'" + text + "' is not a duration; write seconds (15, 0.2), "
          + "milliseconds (200ms), 5s, 2m or ISO-8601 (PT1.5S)");
    }
  }

  private static Duration ofSeconds(BigDecimal seconds) {
    // Nanosecond precision is plenty; anything finer is rounded away rather than rejected.
    return Duration.ofNanos(seconds.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
  }

  /**
   * Formats {@code d} compactly for output: {@code 200ms}, {@code 1.5s}, {@code 15s}.
   *
   * @param d the duration to show
   * @return a short human-readable form
   */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 1000) {
      return millis + "ms";
    }
    BigDecimal seconds = BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros();
    return seconds.toPlainString() + "s";
  }
}
