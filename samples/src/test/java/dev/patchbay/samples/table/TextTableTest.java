package dev.patchbay.samples.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TextTableTest {

  @Test
  void format_alignsColumnsAndRightAlignsNumbers() {
    Table table = new Table(List.of("n", "word"),
        List.of(List.of(7, "a"), List.of(123, "longer\nline"), Arrays.asList(4, null)));

    assertEquals(String.join("\n",
        "  n | word",
        "--- | -----------",
        "  7 | a",
        "123 | longer line",
        "  4 | NULL",
        "(3 rows)", ""), TextTable.format(table));
  }

  @Test
  void table_rejectsRowsOfTheWrongWidth() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new Table(List.of("a", "b"), List.of(List.of(1))));
    assertEquals("row 1 has 1 values but the table has 2 columns [a, b]", error.getMessage());
  }
}
