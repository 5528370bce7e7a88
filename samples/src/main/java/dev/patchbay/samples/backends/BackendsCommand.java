package dev.patchbay.samples.backends;

import dev.patchbay.PluginInfo;
import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import dev.patchbay.samples.table.Table;
import dev.patchbay.samples.table.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Picks a database backend by name from the generated registry and runs a small session on it. */
@Command(
    name = "backends",
    mixinStandardHelpOptions = true,
    description = {
        "Database backends chosen by name: create a table, insert, query, print the rows.",
        "Plugins of DatabaseBackend, registered and checked at compile time: sqlite (embedded,"
            + " the default), postgres and mysql (real servers; URL, user and password from the"
            + " options or PATCHBAY_PG_* / PATCHBAY_MYSQL_* variables)."})
public final class BackendsCommand implements Callable<Integer> {
  /** The table the demo session creates, fills, reads and drops again. */
  static final String TABLE = "patchbay_sample_users";

  @Spec
  CommandSpec spec;

  @Option(names = "--backend", paramLabel = "NAME", defaultValue = "sqlite",
      description = "Backend name or alias (default: ${DEFAULT-VALUE}).")
  String backend;

  @Option(names = "--list", description = "List the registered backends and exit.")
  boolean list;

  @Option(names = "--db", paramLabel = "FILE",
      description = "SQLite database file (default: in memory).")
  Path databaseFile;

  @Option(names = "--url", paramLabel = "URL", description = "JDBC URL of a server backend.")
  String url;

  @Option(names = "--user", paramLabel = "USER", description = "Database user.")
  String user;

  @Option(names = "--password", paramLabel = "PASSWORD", description = "Database password.")
  String password;

  /** Creates the command; picocli sets its options. */
  public BackendsCommand() {}

  @Override
  public Integer call() throws SQLException {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      out.print(TextTable.format(listing(DatabaseBackendRegistry.plugins())));
      out.flush();
      return CliErrors.OK;
    }
    // An unknown name throws UnknownPluginException ("did you mean ...?"): exit code 2.
    try (DatabaseBackend database = DatabaseBackendRegistry.create(backend)) {
      ConnectionSettings settings =
          new ConnectionSettings(url, user, password, databaseFile, environment());
      try {
        database.connect(settings);
      } catch (SQLException e) {
        throw new CommandFailedException("backend '" + backend + "' could not connect: "
            + e.getMessage() + " Check that the server runs and the URL, user and password.", e);
      }
      out.println("Connected with " + database.getClass().getSimpleName() + " to "
          + database.describeConnection());
      out.print(TextTable.format(runSession(database)));
      out.flush();
    }
    return CliErrors.OK;
  }

  /**
   * Creates the demo table, inserts three users, reads them back in id order and drops the table.
   *
   * @param database a connected backend
   * @return the rows read back
   * @throws SQLException when a statement fails
   */
  static Table runSession(DatabaseBackend database) throws SQLException {
    // Plain SQL every engine accepts; the backend hides only how to connect.
    database.execute("DROP TABLE IF EXISTS " + TABLE);
    database.execute("CREATE TABLE " + TABLE
        + " (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL)");
    Object[][] users = {
        {1, "Ada Lovelace", "ada@example.org"},
        {2, "Alan Turing", "alan@example.org"},
        {3, "Grace Hopper", "grace@example.org"},
    };
    for (Object[] user : users) {
      database.execute("INSERT INTO " + TABLE + " (id, name, email) VALUES (?, ?, ?)", user);
    }
    Table rows = database.execute("SELECT id, name, email FROM " + TABLE + " ORDER BY id")
        .tableOrEmpty();
    database.execute("DROP TABLE " + TABLE);
    return rows;
  }

  private static Table listing(List<PluginInfo> plugins) {
    List<List<Object>> rows = new ArrayList<>();
    for (PluginInfo plugin : plugins) {
      rows.add(List.of(plugin.name(), String.join(", ", plugin.aliases()), plugin.priority(),
          plugin.description()));
    }
    return new Table(List.of("name", "aliases", "priority", "description"), rows);
  }

  /** Reads the environment; a seam so the server tests can say which variables they used. */
  static Map<String, String> environment() {
    return System.getenv();
  }
}
