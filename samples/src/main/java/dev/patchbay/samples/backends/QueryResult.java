package dev.patchbay.samples.backends;

import dev.patchbay.samples.table.Table;
import java.util.List;
import java.util.Optional;

/**
 * What one statement returned: the rows of a query, or the update count of anything else.
 *
 * @param table the rows, or null for a statement that is not a query
 * @param updateCount rows changed by a statement that is not a query; -1 for a query
 */
public record QueryResult(Table table, int updateCount) {

  /**
   * The result of a query.
   *
   * @param table the rows
   * @return the result
   */
  public static QueryResult rows(Table table) {
    return new QueryResult(table, -1);
  }

  /**
   * The result of a statement that is not a query.
   *
   * @param count rows changed
   * @return the result
   */
  public static QueryResult updated(int count) {
    return new QueryResult(null, count);
  }

  /**
   * The rows, when the statement was a query.
   *
   * @return the rows, or empty
   */
  public Optional<Table> rows() {
    return Optional.ofNullable(table);
  }

  /**
   * The rows of a query, or an empty table for any other statement.
   *
   * @return the rows
   */
  public Table tableOrEmpty() {
    return table == null ? new Table(List.of(), List.of()) : table;
  }
}
