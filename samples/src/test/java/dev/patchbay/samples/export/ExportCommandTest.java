package dev.patchbay.samples.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import dev.patchbay.samples.table.Table;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExportCommandTest {

  @Test
  void csv_quotesCommasQuotesAndLineBreaks() {
    CliRunner.Result result = CliRunner.run("export", "--format", "csv");

    assertEquals(0, result.exitCode(), result::toString);
    assertEquals(String.join("\r\n",
        "id,name,price,in_stock,note",
        "1,\"Patch cable, 1 m\",4.50,true,red",
        "2,\"Rack \"\"Pro\"\" 19-inch\",129.00,false,\"ships in\n2 weeks\"",
        "3,\"Café crème mug ☕\",12.00,true,\"Ünïcødé ✓\"",
        "4,Adapter,0.99,true,",
        ""), result.out());
  }

  @Test
  void json_roundTripsEveryValue() throws Exception {
    CliRunner.Result result = CliRunner.run("export", "--format", "json");

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode rows = new ObjectMapper().readTree(result.out());
    assertEquals(4, rows.size());
    assertEquals("Rack \"Pro\" 19-inch", rows.get(1).get("name").asText());
    assertEquals("ships in\n2 weeks", rows.get(1).get("note").asText());
    assertEquals("Café crème mug ☕", rows.get(2).get("name").asText());
    // BigDecimal keeps its scale: prices are not squeezed through a double.
    assertTrue(result.out().contains("\"price\" : 129.00,"), result::toString);
    assertFalse(rows.get(1).get("in_stock").asBoolean());
    assertTrue(rows.get(3).get("note").isNull());
    // Keys keep the column order.
    assertEquals(List.of("id", "name", "price", "in_stock", "note"),
        iterableToList(rows.get(0).fieldNames()));
    assertTrue(result.out().contains("\"ships in\\n2 weeks\""), result::toString);
  }

  @Test
  void out_writesUtf8File(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("products.json");

    CliRunner.Result result = CliRunner.run("export", "--format", "json", "--out", file.toString());

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("Wrote 4 rows as json to " + file), result::toString);
    String written = Files.readString(file, StandardCharsets.UTF_8);
    assertEquals(4, new ObjectMapper().readTree(written).size());
    assertTrue(written.contains("Ünïcødé ✓"));
  }

  @Test
  void in_readsCsvAndConvertsToJson(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("in.csv");
    Files.writeString(file, "city,motto\nOslo,\"cold, clear\"\n", StandardCharsets.UTF_8);

    CliRunner.Result result = CliRunner.run("export", "--format", "json", "--in", file.toString());

    assertEquals(0, result.exitCode(), result::toString);
    JsonNode rows = new ObjectMapper().readTree(result.out());
    assertEquals("cold, clear", rows.get(0).get("motto").asText());
  }

  @Test
  void emptyData_isAClearErrorWithExitCode2(@TempDir Path dir) throws Exception {
    Path header = dir.resolve("header-only.csv");
    Files.writeString(header, "a,b\n");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    Path out = dir.resolve("out.csv");

    CliRunner.Result headerOnly = CliRunner.run("export", "--in", header.toString(),
        "--out", out.toString());
    CliRunner.Result nothing = CliRunner.run("export", "--in", empty.toString());

    assertEquals(CliErrors.USAGE, headerOnly.exitCode(), headerOnly::toString);
    assertTrue(headerOnly.err().contains("nothing to export"), headerOnly::toString);
    assertTrue(headerOnly.err().contains("no rows"), headerOnly::toString);
    assertFalse(Files.exists(out), "a failed export leaves no file behind");
    assertEquals(CliErrors.USAGE, nothing.exitCode(), nothing::toString);
    assertTrue(nothing.err().contains("is empty"), nothing::toString);
  }

  @Test
  void unknownFormat_suggestsTheNearest() {
    CliRunner.Result result = CliRunner.run("export", "--format", "jsn");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("did you mean 'json'?"), result::toString);
  }

  @Test
  void help_listsTheRegisteredFormats() {
    CliRunner.Result result = CliRunner.run("export", "--help");

    assertTrue(result.out().contains("csv, json"), result::toString);
  }

  @Test
  void validate_rejectsDuplicateColumnsAndOddValues() throws Exception {
    DataExporter csv = DataExporterRegistry.create("csv");
    StringWriter out = new StringWriter();

    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> csv.export(new Table(List.of("a", "a"), List.of(List.of(1, 2))), out));
    IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
        () -> csv.export(new Table(List.of("a"), List.of(List.of(new Object()))), out));

    assertTrue(duplicate.getMessage().contains("'a' appears twice"));
    assertTrue(odd.getMessage().contains("row 1, column 'a'"));
    assertEquals("", out.toString());
  }

  private static List<String> iterableToList(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
