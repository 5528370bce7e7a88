package demo.constructor;

import dev.patchbay.ExtensionPoint;

/** A database engine, chosen by name; the registry creates plugins with no arguments. */
@ExtensionPoint
public interface Backend {
  String url();
}
