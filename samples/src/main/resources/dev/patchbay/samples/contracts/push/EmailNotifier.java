package demo.push;

import dev.patchbay.Plugin;

@Plugin("email")
public final class EmailNotifier implements Notifier {
  @Override
  public void send(String to, String text) {
    System.out.println("mail to " + to + ": " + text);
  }
}
