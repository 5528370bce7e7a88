package dev.patchbay.samples.notify;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Sends one notification through the service chosen by name. */
@Command(
    name = "notify",
    mixinStandardHelpOptions = true,
    description = {
        "Notification services (console, e-mail over SMTP, SMS through an HTTP gateway).",
        "Plugins of NotificationService; e-mail goes out with Jakarta Mail, SMS as a JSON POST."})
public final class NotifyCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--via", paramLabel = "SERVICE", defaultValue = "console",
      completionCandidates = Services.class,
      description = "Service: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String via;

  @Option(names = "--to", paramLabel = "ADDRESS", required = true,
      description = "Recipient: e-mail address, phone number (+4712345678) or a name.")
  String to;

  @Option(names = "--subject", paramLabel = "TEXT", defaultValue = "Patchbay notification",
      description = "Subject line for e-mail (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--smtp", paramLabel = "HOST:PORT", defaultValue = "localhost:25",
      description = "SMTP server for e-mail (default: ${DEFAULT-VALUE}).")
  String smtp;

  @Option(names = "--from", paramLabel = "ADDRESS", defaultValue = "patchbay@localhost",
      description = "Sender (default: ${DEFAULT-VALUE}).")
  String from;

  @Option(names = "--gateway", paramLabel = "URL",
      description = {"SMS gateway endpoint taking a JSON POST,", "e.g. http://127.0.0.1:8080/sms."})
  String gateway;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Seconds to wait for a server (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Parameters(paramLabel = "MESSAGE", arity = "1..*", description = "The text to send.")
  String[] message;

  /** Creates the command; picocli sets its options. */
  public NotifyCommand() {}

  @Override
  public Integer call() {
    NotificationService service = NotificationServiceRegistry.create(via);
    PrintWriter out = spec.commandLine().getOut();
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("--timeout must be at least 1 second");
    }
    ChannelSettings channel = new ChannelSettings(out, ChannelSettings.HostAndPort.parse(smtp),
        from, gatewayUri(), Duration.ofSeconds(timeoutSeconds));
    try {
      String receipt = service.send(
          new Notification(to, subject, String.join(" ", message)), channel);
      out.println("Sent with " + service.getClass().getSimpleName() + ": " + receipt);
      out.flush();
      return CliErrors.OK;
    } catch (DeliveryException e) {
      throw new CommandFailedException(e.getMessage(), e);
    }
  }

  private URI gatewayUri() {
    if (gateway == null) {
      return null;
    }
    try {
      URI uri = new URI(gateway);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new URISyntaxException(gateway, "not an http or https URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--gateway '" + gateway + "' is not an http(s) URL: "
          + e.getReason());
    }
  }

  /** The registered service names, for --help. */
  static final class Services implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return NotificationServiceRegistry.names().iterator();
    }
  }
}
