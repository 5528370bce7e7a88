package com.example.greet;

import dev.patchbay.Plugin;

/** Reached by its name or its alias. */
@Plugin(value = "french", aliases = "fr")
public class FrenchGreeter implements Greeter {
  @Override
  public String greet(String who) {
    return "Bonjour, " + who + " !";
  }
}
