package dev.patchbay.samples.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

final class DurationConverterTest {

  @Test
  void parse_acceptsSecondsUnitsAndIso() {
    assertEquals(Duration.ofSeconds(15), DurationConverter.parse("15"));
    assertEquals(Duration.ofMillis(200), DurationConverter.parse("0.2"));
    assertEquals(Duration.ofMillis(200), DurationConverter.parse("200ms"));
    assertEquals(Duration.ofSeconds(5), DurationConverter.parse("5s"));
    assertEquals(Duration.ofMinutes(2), DurationConverter.parse("2m"));
    assertEquals(Duration.ofMillis(1500), DurationConverter.parse("PT1.5S"));
  }

  @Test
  void parse_rejectsNonsenseAndNegatives() {
    assertThrows(TypeConversionException.class, () -> DurationConverter.parse("soon"));
    assertThrows(TypeConversionException.class, () -> DurationConverter.parse("-1"));
  }

  @Test
  void format_isShort() {
    assertEquals("200ms", DurationConverter.format(Duration.ofMillis(200)));
    assertEquals("1.5s", DurationConverter.format(Duration.ofMillis(1500)));
    assertEquals("15s", DurationConverter.format(Duration.ofSeconds(15)));
  }
}
