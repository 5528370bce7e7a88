package dev.patchbay.samples.store;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import dev.patchbay.samples.table.Table;
import dev.patchbay.samples.table.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Stores, reads and lists key-value pairs with the storage engine chosen by name. */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "(put KEY VALUE | get KEY | list)",
    description = {
        "Storage engines (memory, file) behind one key-value interface; atomic JSON file writes.",
        "Plugins of StorageEngine. The file engine keeps DIR/store.json and replaces it atomically"
            + " (temporary file, force to disk, atomic rename): a crash never corrupts it."},
    subcommands = {StoreCommand.Put.class, StoreCommand.Get.class, StoreCommand.ListAll.class})
public final class StoreCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "file",
      completionCandidates = Engines.class, scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "patchbay-store",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Directory of the file engine (default: ${DEFAULT-VALUE}).")
  Path dir;

  /** Creates the command; picocli sets its options. */
  public StoreCommand() {}

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "missing what to do: put KEY VALUE, get KEY or list");
  }

  StorageEngine openEngine() throws IOException {
    StorageEngine storage = StorageEngineRegistry.create(engine);
    storage.open(dir);
    return storage;
  }

  static String where(StorageEngine storage) {
    return storage.getClass().getSimpleName() + " in " + storage.location();
  }

  /** {@code store put KEY VALUE}. */
  @Command(name = "put", mixinStandardHelpOptions = true, description = "Store VALUE under KEY.")
  static final class Put implements Callable<Integer> {
    @ParentCommand
    StoreCommand store;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "The value.")
    String value;

    @Override
    public Integer call() throws IOException {
      StorageEngine storage = store.openEngine();
      storage.save(key, value);
      PrintWriter out = spec.commandLine().getOut();
      out.println("Stored '" + key + "' with " + where(storage));
      out.flush();
      return CliErrors.OK;
    }
  }

  /** {@code store get KEY}. */
  @Command(name = "get", mixinStandardHelpOptions = true,
      description = "Print the value stored under KEY; exit code 1 when there is none.")
  static final class Get implements Callable<Integer> {
    @ParentCommand
    StoreCommand store;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
    String key;

    @Override
    public Integer call() throws IOException {
      StorageEngine storage = store.openEngine();
      String value = storage.load(key).orElseThrow(() -> new CommandFailedException(
          "nothing is stored under '" + key + "' with " + where(storage)
              + "; 'store list' shows the keys", null));
      PrintWriter out = spec.commandLine().getOut();
      out.println(value);
      out.flush();
      return CliErrors.OK;
    }
  }

  /** {@code store list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Print every key and value, sorted by key.")
  static final class ListAll implements Callable<Integer> {
    @ParentCommand
    StoreCommand store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      List<List<Object>> rows = new ArrayList<>();
      for (Map.Entry<String, String> entry : store.openEngine().list().entrySet()) {
        rows.add(List.of(entry.getKey(), entry.getValue()));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(TextTable.format(new Table(List.of("key", "value"), rows)));
      out.flush();
      return CliErrors.OK;
    }
  }

  /** The registered engine names, for --help. */
  static final class Engines implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return StorageEngineRegistry.names().iterator();
    }
  }
}
