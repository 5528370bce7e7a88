package dev.patchbay.samples.notify;

import dev.patchbay.Plugin;

/** Prints the notification: the channel for trying things out. */
@Plugin(value = "console", aliases = {"stdout"}, description = "Prints the notification",
    priority = 10)
public final class ConsoleNotifier implements NotificationService {

  /** Creates the service. */
  public ConsoleNotifier() {}

  @Override
  public String send(Notification notification, ChannelSettings channel) {
    channel.console().println("[to " + notification.to() + "] " + notification.subject() + ": "
        + notification.message());
    channel.console().flush();
    return "printed for " + notification.to();
  }
}
