package demo.duplicate;

import dev.patchbay.Plugin;

@Plugin(value = "sqlite", description = "embedded SQLite")
public final class SqliteBackend implements Backend {
  @Override
  public String dialect() {
    return "sqlite";
  }
}
