package com.example.greet;

import dev.patchbay.Plugin;

/** The default language. */
@Plugin(value = "english", priority = 10)
public class EnglishGreeter implements Greeter {
  @Override
  public String greet(String who) {
    return "Hello, " + who + "!";
  }
}
