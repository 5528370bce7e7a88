package dev.patchbay.samples.plugins;

import dev.patchbay.ExtensionPoint;

/**
 * Greets someone. The samples declare this extension point; its plugins live in separate jars
 * that the {@code plugins} sample loads from a folder.
 */
@ExtensionPoint
public interface Greeter {

  /**
   * Greets {@code name}.
   *
   * @param name who to greet
   * @return the greeting
   */
  String greet(String name);
}
