package dev.patchbay.samples.notify;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;

/**
 * Where each channel delivers; a channel reads only its own settings.
 *
 * @param console where the console service prints
 * @param smtp SMTP server for e-mail
 * @param from sender address for e-mail, sender id for SMS
 * @param gateway SMS gateway endpoint that takes a JSON POST, or null
 * @param timeout how long to wait for a server to connect and answer
 */
public record ChannelSettings(PrintWriter console, HostAndPort smtp, String from, URI gateway,
    Duration timeout) {

  /**
   * An SMTP server address.
   *
   * @param host host name or IP address
   * @param port TCP port, 1 to 65535
   */
  public record HostAndPort(String host, int port) {

    /**
     * Parses {@code host:port}; a missing port means 25.
     *
     * @param text for example {@code 127.0.0.1:2525}
     * @return the parsed address
     * @throws IllegalArgumentException when the host is blank or the port is not 1 to 65535
     */
    public static HostAndPort parse(String text) {
      int colon = text.lastIndexOf(':');
      String host = colon < 0 ? text : text.substring(0, colon);
      try {
        int port = colon < 0 ? 25 : Integer.parseInt(text.substring(colon + 1));
        if (host.isBlank() || port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
        return new HostAndPort(host, port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--smtp '" + text
            + "' is not HOST:PORT with a port from 1 to 65535, e.g. 127.0.0.1:2525");
      }
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }
}
