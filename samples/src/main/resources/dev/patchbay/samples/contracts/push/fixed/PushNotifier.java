package demo.push;

import dev.patchbay.Plugin;

@Plugin("push")
public final class PushNotifier implements Notifier {
  @Override
  public void send(String deviceToken, String text) {
    System.out.println("push to " + deviceToken + ": " + text);
  }
}
