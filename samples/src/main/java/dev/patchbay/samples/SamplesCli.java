package dev.patchbay.samples;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code patchbay-samples} command: every sample scenario as a subcommand.
 *
 * <p>Run without arguments it lists the samples, like {@code list}.
 */
@Command(
    name = "patchbay-samples",
    mixinStandardHelpOptions = true,
    version = "patchbay-samples 0.1.0-SNAPSHOT",
    description = "Patchbay's samples: plugins checked at compile time, running on real components.",
    // The one place subcommands are registered; `list` and --help pick them up from here.
    subcommands = {
        ListCommand.class,

        // Plugin scenarios.
        dev.patchbay.samples.backends.BackendsCommand.class,
        dev.patchbay.samples.contracts.ContractsCommand.class,
        dev.patchbay.samples.export.ExportCommand.class,
        dev.patchbay.samples.notify.NotifyCommand.class,
        dev.patchbay.samples.pay.PayCommand.class,
        dev.patchbay.samples.store.StoreCommand.class,

        // Concurrency scenarios: timer, spinner, scrape, threads.
        dev.patchbay.samples.timer.TimerCommand.class,
        dev.patchbay.samples.spinner.SpinnerCommand.class,
        dev.patchbay.samples.scrape.ScrapeCommand.class,
        dev.patchbay.samples.threads.ThreadsCommand.class,

        // Plugin jars from a folder (module loader).
        dev.patchbay.samples.plugins.PluginsCommand.class,
        // Named plugin tasks on a Quartz cluster of node JVMs.
        dev.patchbay.samples.cluster.ClusterCommand.class,

    })
public final class SamplesCli implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Creates the top-level command; picocli fills in its spec. */
  public SamplesCli() {}

  @Override
  public Integer call() {
    return ListCommand.printSamples(spec.root(), spec.commandLine().getOut());
  }

  /**
   * Builds the command line with the shared error conventions: one-line errors, exit code 2 for
   * bad input.
   *
   * @return a new, ready-to-execute command line
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new SamplesCli());
    commandLine.setParameterExceptionHandler(CliErrors::handleParameterException);
    commandLine.setExecutionExceptionHandler(CliErrors::handleExecutionException);
    return commandLine;
  }

  /**
   * Runs the CLI and exits with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
