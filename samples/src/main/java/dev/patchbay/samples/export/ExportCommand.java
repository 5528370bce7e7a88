package dev.patchbay.samples.export;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.table.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Exports a data set with the exporter plugin chosen by name. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
        "Data exporters (CSV, JSON) sharing validation in an abstract base class.",
        "Plugins of the abstract class DataExporter. Exports a built-in product list whose values"
            + " need quoting (commas, quotes, a line break, non-ASCII), or a CSV file."})
public final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      completionCandidates = Formats.class,
      description = "Exporter: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path outFile;

  @Option(names = "--in", paramLabel = "FILE",
      description = "Export this CSV file (first line: column names) instead of the built-in data.")
  Path inFile;

  /** Creates the command; picocli sets its options. */
  public ExportCommand() {}

  @Override
  public Integer call() throws IOException {
    DataExporter exporter = DataExporterRegistry.create(format);
    Table data = inFile == null ? SampleData.products() : SampleData.readCsv(inFile);
    PrintWriter out = spec.commandLine().getOut();
    if (outFile == null) {
      exporter.export(data, out);
      return CliErrors.OK;
    }
    // Validate first, so a bad data set leaves no empty file behind.
    DataExporter.validate(data);
    try (Writer file = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
      exporter.export(data, file);
    }
    out.println("Wrote " + data.rows().size() + " rows as " + format + " to " + outFile);
    out.flush();
    return CliErrors.OK;
  }

  /** The registered exporter names, for --help. */
  static final class Formats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return DataExporterRegistry.names().iterator();
    }
  }
}
