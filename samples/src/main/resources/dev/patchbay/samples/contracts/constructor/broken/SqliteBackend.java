package demo.constructor;

import dev.patchbay.Plugin;

@Plugin("sqlite")
public final class SqliteBackend implements Backend {
  @Override
  public String url() {
    return "jdbc:sqlite::memory:";
  }
}
