package com.example.greet;

/** Lists the greeters the generated registry knows and greets with the one named in args[0]. */
public final class Main {
  private Main() {}

  /** Entry point. */
  public static void main(String[] args) {
    String name = args.length > 0 ? args[0] : "english";
    System.out.println("greeters: " + GreeterRegistry.names());
    System.out.println(GreeterRegistry.create(name).greet("world"));
  }
}
