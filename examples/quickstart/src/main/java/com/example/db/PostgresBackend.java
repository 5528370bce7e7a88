package com.example.db;

import dev.patchbay.Plugin;

/** A server database. */
@Plugin("postgres")
public class PostgresBackend implements DatabaseBackend {
  @Override
  public String connect(String url) {
    return "postgres:" + url;
  }
}
