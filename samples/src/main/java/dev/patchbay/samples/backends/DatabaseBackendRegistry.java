package dev.patchbay.samples.backends;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.samples.InterimRegistry;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/** Stand-in for the generated registry until the processor lands; delete on merge. */
public final class DatabaseBackendRegistry {
  private static final Registry<DatabaseBackend> REGISTRY =
      new InterimRegistry<>(DatabaseBackend.class)
          .add("sqlite", List.of("sqlite3"), "SQLite, embedded: in memory by default, or a file with --db FILE", 10, SqliteBackend.class, SqliteBackend::new)
          .add("postgres", List.of("postgresql", "pg"), "PostgreSQL server", 5, PostgresBackend.class, PostgresBackend::new)
          .add("mysql", List.of("mariadb"), "MySQL/MariaDB server", 5, MysqlBackend.class, MysqlBackend::new);

  private DatabaseBackendRegistry() {}

  /** @return the registry view */
  public static Registry<DatabaseBackend> registry() { return REGISTRY; }
  /** @return a new plugin */
  public static DatabaseBackend create(String name) { return REGISTRY.create(name); }
  /** @return a new plugin or empty */
  public static Optional<DatabaseBackend> find(String name) { return REGISTRY.find(name); }
  /** @return names */
  public static SortedSet<String> names() { return REGISTRY.names(); }
  /** @return metadata */
  public static List<PluginInfo> plugins() { return REGISTRY.plugins(); }
  /** @return all plugins */
  public static List<DatabaseBackend> createAll() { return REGISTRY.createAll(); }
}
