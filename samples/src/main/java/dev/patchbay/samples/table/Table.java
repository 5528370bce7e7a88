package dev.patchbay.samples.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rows of values under named columns: what a query returns and what an exporter writes.
 *
 * @param columns the column names, in order
 * @param rows the rows; each has one value (possibly null) per column
 */
public record Table(List<String> columns, List<List<Object>> rows) {

  /** Checks that every row has one value per column and makes unmodifiable copies. */
  public Table {
    columns = List.copyOf(columns);
    List<List<Object>> copies = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = Objects.requireNonNull(rows.get(i), "row " + i);
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("row " + (i + 1) + " has " + row.size()
            + " values but the table has " + columns.size() + " columns " + columns);
      }
      // List.copyOf rejects nulls, and SQL NULL is a legitimate value.
      copies.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copies);
  }

  /**
   * Tells whether the table has no rows.
   *
   * @return true when there are no rows
   */
  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
