package dev.patchbay.samples.export;

import dev.patchbay.ExtensionPoint;
import dev.patchbay.samples.table.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a table in one file format. The validation every format needs lives here, once:
 * plugins only write data that has already passed it.
 */
@ExtensionPoint
public abstract class DataExporter {

  /** Lets plugins be created by the generated registry. */
  protected DataExporter() {}

  /**
   * Checks {@code data} and writes it to {@code out}; nothing is written when the check fails.
   *
   * @param data the rows to export
   * @param out where to write; not closed
   * @throws IllegalArgumentException when {@code data} is empty, has blank or repeated column
   *     names, or holds a value that is not text, a number, a boolean or null
   * @throws IOException when writing fails
   */
  public final void export(Table data, Writer out) throws IOException {
    validate(data);
    write(data, out);
    out.flush();
  }

  /**
   * The usual file name extension of this format, without the dot.
   *
   * @return for example {@code csv}
   */
  public abstract String fileExtension();

  /**
   * Writes validated data in this format.
   *
   * @param data rows that passed {@link #validate(Table)}
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  protected abstract void write(Table data, Writer out) throws IOException;

  /**
   * The checks every format relies on.
   *
   * @param data the rows to check
   * @throws IllegalArgumentException naming the first problem found and how to fix it
   */
  public static void validate(Table data) {
    if (data.columns().isEmpty()) {
      throw new IllegalArgumentException("nothing to export: the data has no columns");
    }
    if (data.isEmpty()) {
      throw new IllegalArgumentException("nothing to export: the data has columns "
          + data.columns() + " but no rows; give a data set with at least one row");
    }
    Set<String> seen = new HashSet<>();
    for (String column : data.columns()) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("column " + (data.columns().indexOf(column) + 1)
            + " has no name; every column needs a unique, non-blank name");
      }
      if (!seen.add(column)) {
        throw new IllegalArgumentException("column name '" + column + "' appears twice;"
            + " JSON objects and CSV headers need unique column names");
      }
    }
    List<List<Object>> rows = data.rows();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < data.columns().size(); c++) {
        Object value = rows.get(r).get(c);
        if (value != null && !(value instanceof CharSequence) && !(value instanceof Number)
            && !(value instanceof Boolean)) {
          throw new IllegalArgumentException("row " + (r + 1) + ", column '"
              + data.columns().get(c) + "' holds a " + value.getClass().getName()
              + "; exporters take text, numbers, booleans and nulls only");
        }
      }
    }
  }
}
