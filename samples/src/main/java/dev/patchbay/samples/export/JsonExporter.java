package dev.patchbay.samples.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.patchbay.Plugin;
import dev.patchbay.samples.table.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a JSON array with one object per row, keys in column order, through Jackson. */
@Plugin(value = "json", description = "A JSON array of objects, one per row, keys in column order",
    priority = 5)
public final class JsonExporter extends DataExporter {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  /** Creates the exporter. */
  public JsonExporter() {}

  @Override
  public String fileExtension() {
    return "json";
  }

  @Override
  protected void write(Table data, Writer out) throws IOException {
    List<Map<String, Object>> objects = new ArrayList<>(data.rows().size());
    for (List<Object> row : data.rows()) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int c = 0; c < data.columns().size(); c++) {
        object.put(data.columns().get(c), row.get(c));
      }
      objects.add(object);
    }
    MAPPER.writeValue(out, objects);
    out.write(System.lineSeparator());
  }
}
