package dev.patchbay.samples.notify;

import dev.patchbay.ExtensionPoint;

/**
 * A way to tell someone something: console, e-mail, SMS. Plugins are chosen by name through the
 * generated {@code NotificationServiceRegistry}.
 */
@ExtensionPoint
public interface NotificationService {

  /**
   * Delivers {@code notification} over this service's channel.
   *
   * @param notification recipient, subject and text
   * @param channel where this channel's server is and who sends
   * @return one line saying where the notification went
   * @throws IllegalArgumentException when the recipient is not an address of this channel, or the
   *     channel lacks a setting it needs
   * @throws DeliveryException when the server refuses or cannot be reached
   */
  String send(Notification notification, ChannelSettings channel);
}
