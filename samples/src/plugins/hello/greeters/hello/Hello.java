package greeters.hello;

import dev.patchbay.Plugin;
import dev.patchbay.samples.plugins.Greeter;

/** A polite greeter, shipped as its own plugin jar. */
@Plugin(value = "hello", aliases = "hi", description = "greets politely")
public final class Hello implements Greeter {
  /** Creates the greeter. */
  public Hello() {}

  @Override
  public String greet(String name) {
    return "Hello, " + name + ".";
  }
}
