package greeters.shout;

import dev.patchbay.Plugin;
import dev.patchbay.samples.plugins.Greeter;
import java.util.Locale;

/** Version 1 of a loud greeter. */
@Plugin(value = "shout", description = "greets loudly")
public final class Shout implements Greeter {
  /** Creates the greeter. */
  public Shout() {}

  @Override
  public String greet(String name) {
    return "HEY " + name.toUpperCase(Locale.ROOT);
  }
}
