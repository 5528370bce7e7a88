package dev.patchbay.samples.export;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.patchbay.samples.table.Table;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where the export sample's rows come from: a built-in data set, or a CSV file. */
public final class SampleData {
  private SampleData() {}

  /**
   * A small product list whose values need quoting and escaping: commas, quotes, a line break,
   * non-ASCII text, a null.
   *
   * @return the built-in data set
   */
  public static Table products() {
    return new Table(List.of("id", "name", "price", "in_stock", "note"), List.of(
        List.of(1, "Patch cable, 1 m", new BigDecimal("4.50"), true, "red"),
        List.of(2, "Rack \"Pro\" 19-inch", new BigDecimal("129.00"), false, "ships in\n2 weeks"),
        List.of(3, "Café crème mug ☕", new BigDecimal("12.00"), true, "Ünïcødé ✓"),
        Arrays.asList(4, "Adapter", new BigDecimal("0.99"), true, null)));
  }

  /**
   * Reads a CSV file whose first line names the columns; every value is text.
   *
   * @param file a UTF-8 CSV file
   * @return its rows
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when the file has no header line or a row of the wrong width
   */
  public static Table readCsv(Path file) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<String> columns = null;
    List<List<Object>> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> lines = mapper.readerFor(String[].class)
            .with(CsvSchema.emptySchema()).readValues(reader)) {
      while (lines.hasNextValue()) {
        String[] values = lines.nextValue();
        if (columns == null) {
          columns = Arrays.asList(values);
        } else {
          rows.add(new ArrayList<>(Arrays.asList(values)));
        }
      }
    }
    if (columns == null) {
      throw new IllegalArgumentException("nothing to export: " + file
          + " is empty; give a CSV file whose first line names the columns");
    }
    return new Table(columns, rows);
  }
}
