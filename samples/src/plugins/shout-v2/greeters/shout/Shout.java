package greeters.shout;

import dev.patchbay.Plugin;
import dev.patchbay.samples.plugins.Greeter;
import java.util.Locale;

/** Version 2 of a loud greeter: louder. */
@Plugin(value = "shout", description = "greets very loudly")
public final class Shout implements Greeter {
  /** Creates the greeter. */
  public Shout() {}

  @Override
  public String greet(String name) {
    return "HEY " + name.toUpperCase(Locale.ROOT) + "!!!";
  }
}
