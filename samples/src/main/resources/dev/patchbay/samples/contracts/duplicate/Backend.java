package demo.duplicate;

import dev.patchbay.ExtensionPoint;

/** A database engine, chosen by name. */
@ExtensionPoint
public interface Backend {
  String dialect();
}
