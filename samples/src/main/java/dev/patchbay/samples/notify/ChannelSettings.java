package dev.patchbay.samples.notify;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/**
 * Where each channel delivers; a channel reads only its own settings.
 *
 * @param console where the console service prints
 * @param smtpHost SMTP server host for e-mail
 * @param smtpPort SMTP server port for e-mail
 * @param from sender address for e-mail, sender id for SMS
 * @param gateway SMS gateway endpoint that takes a JSON POST, or null
 * @param timeout how long to wait for a server to connect and answer
 */
public record ChannelSettings(PrintWriter console, String smtpHost, int smtpPort, String from,
    URI gateway, Duration timeout) {

  /**
   * Parses {@code host:port}; a missing port means 25.
   *
   * @param hostAndPort for example {@code 127.0.0.1:2525}
   * @return the host and the port, as a two-element array
   * @throws IllegalArgumentException when the port is not a number from 1 to 65535
   */
  public static Object[] parseHostAndPort(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0) {
      return new Object[] {hostAndPort, 25};
    }
    String host = hostAndPort.substring(0, colon);
    String port = hostAndPort.substring(colon + 1);
    try {
      int number = Integer.parseInt(port);
      if (host.isBlank() || number < 1 || number > 65535) {
        throw new NumberFormatException();
      }
      return new Object[] {host, number};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--smtp '" + hostAndPort
          + "' is not HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:2525");
    }
  }
}
