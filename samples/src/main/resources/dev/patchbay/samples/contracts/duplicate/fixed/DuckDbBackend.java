package demo.duplicate;

import dev.patchbay.Plugin;

@Plugin(value = "duckdb", description = "embedded DuckDB")
public final class DuckDbBackend implements Backend {
  @Override
  public String dialect() {
    return "duckdb";
  }
}
