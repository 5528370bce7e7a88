package demo.constructor;

import dev.patchbay.ExtensionPoint;
import dev.patchbay.RequireConstructor;

/**
 * A database engine, chosen by name. Every plugin takes its URL in the constructor, so the
 * generated registry's factory is create(String name, String url): typed, no reflection.
 */
@ExtensionPoint
@RequireConstructor(parameters = String.class)
public interface Backend {
  String url();
}
