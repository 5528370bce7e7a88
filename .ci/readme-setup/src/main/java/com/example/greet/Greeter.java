package com.example.greet;

import dev.patchbay.ExtensionPoint;

/** Says hello in one language; plugins are chosen by name. */
@ExtensionPoint
public interface Greeter {
  /** A greeting for {@code who}. */
  String greet(String who);
}
