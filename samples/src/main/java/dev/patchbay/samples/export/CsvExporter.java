package dev.patchbay.samples.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.patchbay.Plugin;
import dev.patchbay.samples.table.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes RFC 4180 CSV with a header line, through Jackson's CSV module. */
@Plugin(value = "csv", description = "Comma-separated values with a header line (RFC 4180 quoting)",
    priority = 10)
public final class CsvExporter extends DataExporter {
  // Thread-safe once configured; one per class keeps start-up cost out of every export.
  private static final CsvMapper MAPPER = CsvMapper.builder()
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  /** Creates the exporter. */
  public CsvExporter() {}

  @Override
  public String fileExtension() {
    return "csv";
  }

  @Override
  protected void write(Table data, Writer out) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
    data.columns().forEach(schema::addColumn);
    try (SequenceWriter rows = MAPPER.writer(schema.build()).writeValues(out)) {
      for (List<Object> row : data.rows()) {
        // Jackson quotes a value with a comma, quote or line break and doubles inner quotes.
        rows.write(row.toArray());
      }
    }
  }
}
