package demo.push;

import dev.patchbay.ExtensionPoint;
import dev.patchbay.MustOverride;

/** Delivers short messages to people. */
@ExtensionPoint
public interface Notifier {

  /** The default only logs; every real notifier must say how it delivers. */
  @MustOverride
  default void send(String to, String text) {
    System.out.println("(not delivered) " + to + ": " + text);
  }
}
