package dev.patchbay.samples.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class NotifyCommandTest {
  /** A real SMTP server in this JVM, on loopback, on a free port. */
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  private HttpServer gateway;
  private final List<String> gatewayBodies = new CopyOnWriteArrayList<>();
  private final List<String> gatewayContentTypes = new CopyOnWriteArrayList<>();
  private volatile int gatewayStatus = 202;

  @BeforeEach
  void startGateway() throws IOException {
    gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    gateway.createContext("/sms", exchange -> {
      try (InputStream body = exchange.getRequestBody()) {
        gatewayBodies.add(new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      gatewayContentTypes.add(exchange.getRequestMethod() + " "
          + exchange.getRequestHeaders().getFirst("Content-Type"));
      byte[] answer = "{\"id\":\"sms-1\"}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(gatewayStatus, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    gateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop(0);
  }

  private String gatewayUrl() {
    return "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms";
  }

  @Test
  void email_arrivesAtTheSmtpServer() throws Exception {
    CliRunner.Result result = CliRunner.run("notify", "--via", "email",
        "--to", "alice@example.org", "--from", "ops@example.org",
        "--smtp", "127.0.0.1:" + SMTP.getSmtp().getPort(),
        "--subject", "Disk almost full", "Volume /data is at 91%, café ☕");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("e-mailed alice@example.org"), result::toString);
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage mail = received[0];
    assertEquals("alice@example.org", mail.getRecipients(Message.RecipientType.TO)[0].toString());
    assertEquals("ops@example.org", mail.getFrom()[0].toString());
    assertEquals("Disk almost full", mail.getSubject());
    assertEquals("Volume /data is at 91%, café ☕", ((String) mail.getContent()).strip());
  }

  @Test
  void email_badAddressIsExitCode2AndSendsNothing() {
    CliRunner.Result result = CliRunner.run("notify", "--via", "mail", "--to", "not an address",
        "--smtp", "127.0.0.1:" + SMTP.getSmtp().getPort(), "hello");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("is not an e-mail address"), result::toString);
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void email_unreachableServerIsExitCode1() throws IOException {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    CliRunner.Result result = CliRunner.run("notify", "--via", "email", "--to", "a@example.org",
        "--smtp", "127.0.0.1:" + closedPort, "hello");

    assertEquals(CliErrors.FAILURE, result.exitCode(), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
    assertTrue(result.err().contains("SMTP server 127.0.0.1:" + closedPort), result::toString);
  }

  @Test
  void sms_postsJsonToTheGateway() throws Exception {
    CliRunner.Result result = CliRunner.run("notify", "--via", "sms", "--to", "+47 123-45-678",
        "--from", "Patchbay", "--gateway", gatewayUrl(), "Deploy \"v2\" done", "✓");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().contains("texted +4712345678"), result::toString);
    assertEquals(List.of("POST application/json; charset=utf-8"), gatewayContentTypes);
    JsonNode body = new ObjectMapper().readTree(gatewayBodies.get(0));
    assertEquals("+4712345678", body.get("to").asText());
    assertEquals("Patchbay", body.get("from").asText());
    assertEquals("Deploy \"v2\" done ✓", body.get("text").asText());
  }

  @Test
  void sms_unreachableGatewaySaysWhy() throws IOException {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    CliRunner.Result result = CliRunner.run("notify", "--via", "sms", "--to", "+4712345678",
        "--gateway", "http://127.0.0.1:" + closedPort + "/sms", "hello");

    assertEquals(CliErrors.FAILURE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("could not be reached: "), result::toString);
    // Not the bare class name the JDK's HTTP client leaves when it has no message.
    assertTrue(!result.err().contains("reached: java.net.ConnectException."), result::toString);
    assertTrue(result.err().toLowerCase(java.util.Locale.ROOT).contains("refused"), result::toString);
  }

  @Test
  void sms_gatewayRefusalIsExitCode1WithTheStatus() {
    gatewayStatus = 503;

    CliRunner.Result result = CliRunner.run("notify", "--via", "sms", "--to", "+4712345678",
        "--gateway", gatewayUrl(), "hi");

    assertEquals(CliErrors.FAILURE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("answered HTTP 503"), result::toString);
  }

  @Test
  void sms_needsAPhoneNumberAndAGateway() {
    CliRunner.Result badNumber = CliRunner.run("notify", "--via", "sms", "--to", "alice",
        "--gateway", gatewayUrl(), "hi");
    CliRunner.Result noGateway = CliRunner.run("notify", "--via", "sms", "--to", "+4712345678",
        "hi");

    assertEquals(CliErrors.USAGE, badNumber.exitCode(), badNumber::toString);
    assertTrue(badNumber.err().contains("is not a phone number"), badNumber::toString);
    assertEquals(CliErrors.USAGE, noGateway.exitCode(), noGateway::toString);
    assertTrue(noGateway.err().contains("--gateway URL"), noGateway::toString);
    assertTrue(gatewayBodies.isEmpty());
  }

  @Test
  void console_printsTheNotification() {
    CliRunner.Result result = CliRunner.run("notify", "--to", "ops", "build", "green");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("[to ops] Patchbay notification: build green\n"),
        result::toString);
  }

  @Test
  void unknownService_suggestsTheNearest() {
    CliRunner.Result result = CliRunner.run("notify", "--via", "emal", "--to", "a@b.org", "x");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("did you mean 'email'?"), result::toString);
  }

  @Test
  void badSmtpAddress_isAUsageError() {
    CliRunner.Result result = CliRunner.run("notify", "--via", "email", "--to", "a@example.org",
        "--smtp", "127.0.0.1:99999", "hi");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("--smtp '127.0.0.1:99999' is not HOST:PORT"), result::toString);
  }

  @Test
  void missingMessage_isAUsageError() {
    CliRunner.Result result = CliRunner.run("notify", "--to", "ops");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("MESSAGE"), result::toString);
  }
}
