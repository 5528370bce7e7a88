package dev.patchbay.samples.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.patchbay.Plugin;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Sends SMS through an HTTP gateway: one JSON POST of {@code {"to", "from", "text"}} with the
 * JDK's {@link HttpClient}.
 */
@Plugin(value = "sms", aliases = {"text"},
    description = "SMS as a JSON POST to an HTTP gateway (JDK HttpClient): --gateway URL",
    priority = 5)
public final class SmsNotifier implements NotificationService {
  /** International format: a plus, then 8 to 15 digits (E.164). */
  private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Creates the service. */
  public SmsNotifier() {}

  @Override
  public String send(Notification notification, ChannelSettings channel) {
    String to = notification.to().replaceAll("[\\s-]", "");
    if (!PHONE.matcher(to).matches()) {
      throw new IllegalArgumentException("--to '" + notification.to() + "' is not a phone number"
          + " in international format; give one like +4712345678");
    }
    if (channel.gateway() == null) {
      throw new IllegalArgumentException("sms needs the gateway's address: pass --gateway URL,"
          + " e.g. --gateway http://127.0.0.1:8080/sms");
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("to", to);
    body.put("from", channel.from());
    body.put("text", notification.message());
    HttpClient client = HttpClient.newBuilder().connectTimeout(channel.timeout()).build();
    try {
      HttpRequest request = HttpRequest.newBuilder(channel.gateway())
          .timeout(channel.timeout())
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
          .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new DeliveryException("SMS gateway " + channel.gateway() + " answered HTTP "
            + response.statusCode() + " for " + to + ": " + abbreviate(response.body()), null);
      }
      return "texted " + to + " through gateway " + channel.gateway() + " (HTTP "
          + response.statusCode() + ")";
    } catch (IOException e) {
      throw new DeliveryException("SMS gateway " + channel.gateway() + " could not be reached: "
          + reason(e, channel) + ". Check --gateway.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while sending the SMS to " + to, e);
    }
  }

  /**
   * Why a request failed, in words: the JDK's HTTP client throws a ConnectException without a
   * message for a refused connection, and keeps the operating system's words in its cause.
   */
  static String reason(IOException e, ChannelSettings channel) {
    if (e instanceof HttpConnectTimeoutException) {
      return "no connection within " + channel.timeout().toSeconds() + " s (see --timeout)";
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = cause.getMessage();
      if (message != null && !message.isBlank()) {
        return message + " (" + cause.getClass().getSimpleName() + ")";
      }
    }
    if (e instanceof ConnectException) {
      return "connection refused: nothing listens at that address";
    }
    return e.getClass().getName();
  }

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
