package dev.patchbay.samples;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists every sample with one line each, read from the registered subcommands. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List every sample with one line each (also what runs with no arguments).")
public final class ListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Creates the command; picocli fills in its spec. */
  public ListCommand() {}

  @Override
  public Integer call() {
    return printSamples(spec.root(), spec.commandLine().getOut());
  }

  /**
   * Prints one line per subcommand of {@code root} except this listing itself, sorted by name.
   *
   * @param root the top-level command's spec
   * @param out where to print
   * @return exit code 0
   */
  static int printSamples(CommandSpec root, PrintWriter out) {
    // Read from picocli's model, so commands added to SamplesCli appear without touching this.
    Map<String, String> lines = new TreeMap<>();
    for (Map.Entry<String, CommandLine> entry : root.subcommands().entrySet()) {
      CommandSpec sub = entry.getValue().getCommandSpec();
      // Aliases map to the same spec; list each command once, under its own name.
      if (!entry.getKey().equals(sub.name()) || sub.name().equals("list")) {
        continue;
      }
      String[] description = sub.usageMessage().description();
      lines.put(sub.name(), description.length == 0 ? "" : description[0]);
    }
    int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
    out.println("Patchbay samples. Run 'patchbay-samples <sample> --help' for a sample's options.");
    out.println();
    lines.forEach((name, line) -> out.printf(Locale.ROOT, "  %-" + width + "s  %s%n", name, line));
    if (lines.isEmpty()) {
      out.println("  (no samples registered)");
    }
    out.flush();
    return 0;
  }
}
