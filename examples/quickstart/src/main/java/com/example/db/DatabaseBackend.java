package com.example.db;

import dev.patchbay.ExtensionPoint;

/** A database the application can talk to, chosen by name at run time. */
@ExtensionPoint
public interface DatabaseBackend {
  /** Opens the database at {@code url} and says what it connected to. */
  String connect(String url);
}
