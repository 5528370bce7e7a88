package demo.push;

import dev.patchbay.Plugin;

@Plugin("push")
public final class PushNotifier implements Notifier {
  // Written against an older draft of Notifier: delivers, but never overrides send.
  public void push(String deviceToken, String text) {
    System.out.println("push to " + deviceToken + ": " + text);
  }
}
