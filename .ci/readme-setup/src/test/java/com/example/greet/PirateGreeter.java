package com.example.greet;

import dev.patchbay.Plugin;

/** A plugin declared in test sources: the same processor path registers it. */
@Plugin("pirate")
public class PirateGreeter implements Greeter {
  @Override
  public String greet(String who) {
    return "Ahoy, " + who + "!";
  }
}
