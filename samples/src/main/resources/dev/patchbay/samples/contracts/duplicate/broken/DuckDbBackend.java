package demo.duplicate;

import dev.patchbay.Plugin;

// Copied from SqliteBackend; the name in @Plugin was not changed.
@Plugin(value = "sqlite", description = "embedded DuckDB")
public final class DuckDbBackend implements Backend {
  @Override
  public String dialect() {
    return "duckdb";
  }
}
