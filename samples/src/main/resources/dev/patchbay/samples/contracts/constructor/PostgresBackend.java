package demo.constructor;

import dev.patchbay.Plugin;

@Plugin("postgres")
public final class PostgresBackend implements Backend {
  private final String url;

  // A server backend cannot work without knowing where the server is.
  public PostgresBackend(String url) {
    this.url = url;
  }

  @Override
  public String url() {
    return url;
  }
}
