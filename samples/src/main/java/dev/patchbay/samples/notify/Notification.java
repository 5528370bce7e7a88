package dev.patchbay.samples.notify;

/**
 * What to send and to whom.
 *
 * @param to the recipient: an e-mail address, a phone number, or a name for the console
 * @param subject a subject line (used by e-mail)
 * @param message the text
 */
public record Notification(String to, String subject, String message) {

  /** Rejects a blank recipient or text. */
  public Notification {
    if (to == null || to.isBlank()) {
      throw new IllegalArgumentException("no recipient: give one with --to");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("the message is empty: give the text to send");
    }
  }
}
