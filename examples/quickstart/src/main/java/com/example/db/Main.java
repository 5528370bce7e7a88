package com.example.db;

/** Connects with the backend named on the command line ({@code sqlite} by default). */
public final class Main {
  private Main() {}

  /** Entry point. */
  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "sqlite";
    System.out.println("backends: " + DatabaseBackendRegistry.names());
    System.out.println(DatabaseBackendRegistry.create(name).connect("app.db"));
  }
}
