package com.example.db;

import dev.patchbay.Plugin;

/** The embedded default. */
@Plugin(value = "sqlite", aliases = "sqlite3", priority = 10, description = "embedded, zero set-up")
public class SqliteBackend implements DatabaseBackend {
  @Override
  public String connect(String url) {
    return "sqlite:" + url;
  }
}
