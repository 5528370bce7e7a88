package dev.patchbay.samples.notify;

import dev.patchbay.Plugin;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends e-mail over SMTP with Jakarta Mail (Eclipse Angus implementation). */
@Plugin(value = "email", aliases = {"mail", "smtp"},
    description = "E-mail over SMTP (Jakarta Mail): --smtp HOST:PORT --from ADDRESS", priority = 5)
public final class EmailNotifier implements NotificationService {

  /** Creates the service. */
  public EmailNotifier() {}

  @Override
  public String send(Notification notification, ChannelSettings channel) {
    InternetAddress to = address("--to", notification.to());
    InternetAddress from = address("--from", channel.from());
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.host", channel.smtp().host());
    properties.setProperty("mail.smtp.port", Integer.toString(channel.smtp().port()));
    // Without timeouts a silent server would hang the command forever.
    String millis = Long.toString(channel.timeout().toMillis());
    properties.setProperty("mail.smtp.connectiontimeout", millis);
    properties.setProperty("mail.smtp.timeout", millis);
    properties.setProperty("mail.smtp.writetimeout", millis);
    Session session = Session.getInstance(properties);
    String server = channel.smtp().toString();
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(from);
      message.setRecipient(Message.RecipientType.TO, to);
      message.setSubject(notification.subject(), StandardCharsets.UTF_8.name());
      message.setText(notification.message(), StandardCharsets.UTF_8.name());
      message.setSentDate(sentNow());
      Transport.send(message);
      return "e-mailed " + to.getAddress() + " through SMTP server " + server;
    } catch (MessagingException e) {
      throw new DeliveryException("SMTP server " + server + " did not take the e-mail to "
          + to.getAddress() + ": " + e.getMessage() + ". Check --smtp HOST:PORT.", e);
    }
  }

  private static InternetAddress address(String option, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("e-mail needs an address in " + option);
    }
    try {
      InternetAddress address = new InternetAddress(text, /* strict= */ true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException(option + " '" + text + "' is not an e-mail address ("
          + e.getMessage() + "); give one like alice@example.org");
    }
  }

  // The mail API takes a java.util.Date; this is its only use.
  @SuppressWarnings("JavaUtilDate")
  private static Date sentNow() {
    return Date.from(java.time.Instant.now());
  }
}
