package demo.constructor;

import dev.patchbay.Plugin;

@Plugin("sqlite")
public final class SqliteBackend implements Backend {
  private final String url;

  public SqliteBackend(String url) {
    this.url = url;
  }

  @Override
  public String url() {
    return url;
  }
}
