package dev.patchbay.samples.contracts;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The living demo of compile-time feedback: compiles bundled broken plugins with javac and the
 * real processor, shows the errors, then compiles the fixed versions.
 */
@Command(
    name = "contracts",
    mixinStandardHelpOptions = true,
    description = {
        "Compile-time contracts: compiles broken plugins with the real processor, shows the errors.",
        "Each scenario is compiled twice in this process with javac and the Patchbay processor:"
            + " broken (the errors a user would see) and fixed (clean, and its generated registry"
            + " runs). Exit code 0 when every scenario behaves so; needs a JDK."})
public final class ContractsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", arity = "0..*",
      description = "Scenarios to run (default: all): push, duplicate, constructor, job.")
  List<String> only = new ArrayList<>();

  @Option(names = "--show-sources", description = "Also print each broken source file.")
  boolean showSources;

  /** Creates the command; picocli sets its options. */
  public ContractsCommand() {}

  @Override
  public Integer call() throws IOException {
    List<Scenario> scenarios = selected();
    PrintWriter out = spec.commandLine().getOut();
    FixtureCompiler compiler;
    try {
      compiler = FixtureCompiler.create();
    } catch (IllegalStateException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
    List<String> surprises = new ArrayList<>();
    Path work = Files.createTempDirectory("patchbay-contracts");
    try {
      int number = 0;
      for (Scenario scenario : scenarios) {
        number++;
        out.printf(Locale.ROOT, "%d/%d  %s%n", number, scenarios.size(), scenario.title());
        out.println("      rule: " + scenario.rule());
        surprises.addAll(run(compiler, scenario, work.resolve(scenario.id()), out));
        out.println();
      }
    } finally {
      deleteTree(work);
    }
    if (!surprises.isEmpty()) {
      throw new CommandFailedException("the demo did not behave as expected: "
          + String.join("; ", surprises), null);
    }
    out.println("Every broken plugin was rejected at compile time, and every fixed one compiled"
        + " cleanly.");
    out.flush();
    return CliErrors.OK;
  }

  private List<String> run(FixtureCompiler compiler, Scenario scenario, Path work,
      PrintWriter out) throws IOException {
    List<String> surprises = new ArrayList<>();
    FixtureCompiler.Outcome broken = compiler.compile(scenario, "broken", work.resolve("broken"));
    if (showSources) {
      printSources(work.resolve("broken").resolve("src"), out);
    }
    List<FixtureCompiler.Message> errors = broken.errors();
    out.printf(Locale.ROOT, "      broken: javac with the Patchbay processor reports %d error%s%n",
        errors.size(), errors.size() == 1 ? "" : "s");
    for (FixtureCompiler.Message message : broken.messages()) {
      out.println(indent(message.format()));
    }
    if (broken.success() || errors.stream()
        .noneMatch(e -> e.message().contains(scenario.expectedError()))) {
      surprises.add(scenario.id() + ": expected an error containing '"
          + scenario.expectedError() + "'");
    }
    FixtureCompiler.Outcome fixed = compiler.compile(scenario, "fixed", work.resolve("fixed"));
    if (fixed.success() && fixed.errors().isEmpty()) {
      String registry = scenario.registry() == null ? ""
          : "; " + FixtureCompiler.describeRegistry(fixed.classes(), scenario.registry());
      out.println("      fixed:  compiles cleanly" + registry);
    } else {
      out.println("      fixed:  still fails:");
      fixed.messages().forEach(m -> out.println(indent(m.format())));
      surprises.add(scenario.id() + ": the fixed version did not compile");
    }
    out.flush();
    return surprises;
  }

  private List<Scenario> selected() {
    List<Scenario> all = Scenario.all();
    if (only.isEmpty()) {
      return all;
    }
    List<Scenario> chosen = new ArrayList<>();
    for (String id : only) {
      chosen.add(all.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(
          () -> new IllegalArgumentException("no contracts scenario is named '" + id
              + "'; choose from " + all.stream().map(Scenario::id).toList())));
    }
    return chosen;
  }

  private static void printSources(Path sources, PrintWriter out) throws IOException {
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.sorted().toList()) {
        out.println("      --- " + file.getFileName());
        Files.readAllLines(file).forEach(line -> out.println("      | " + line));
      }
    }
  }

  /** Indents every line of a possibly multi-line compiler message under the scenario. */
  private static String indent(String text) {
    return "        " + text.replace("\n", "\n        ");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
