package dev.patchbay.samples.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScrapeCommandTest {

  @Test
  void offline_fetchesAllTenPages_andExitsZero() {
    CliRunner.Result result = CliRunner.run("scrape", "--offline", "--delay", "0ms", "--concurrency", "4");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    assertEquals(10, pageLines(result).size(), result::toString);
    assertTrue(pageLines(result).stream().allMatch(line -> line.startsWith("ok ") && line.contains(" 200 ")), result::toString);
    assertTrue(result.out().contains("Summary: 10 page(s): 10 ok, 0 failed, 0 skipped by robots.txt; 50 quotes"), result::toString);
    assertTrue(line(result, "/page/3/").endsWith("6 quotes"), result::toString);
    assertTrue(result.out().contains("User-Agent \"PatchbaySamples/"), result::toString);
    assertEquals("", result.err());
    // One run, one duration: the spinner's; the summary adds no second, different timing.
    assertEquals(1, result.out().split(" done in ", -1).length - 1, result::toString);
    assertTrue(result.out().lines().filter(l -> l.startsWith("Summary: ")).allMatch(l -> l.endsWith(" bytes")),
        result::toString);
  }

  @Test
  void everyFailureKind_isReportedOnItsLine_andTheRunGoesOn() {
    CliRunner.Result result = CliRunner.run("scrape", "--offline", "--delay", "0ms", "--timeout", "4s",
        "--max-bytes", "65536", "--concurrency", "10",
        "--fault", "2=not-found", "--fault", "3=server-error", "--fault", "4=malformed-html",
        "--fault", "5=oversized-body", "--fault", "6=redirect-loop", "--fault", "7=hang",
        "--fault", "8=disallowed-by-robots");

    assertEquals(CliErrors.FAILURE, result.exitCode(), result::toString);
    assertEquals(10, pageLines(result).size(), result::toString);
    assertTrue(line(result, "/page/1/").startsWith("ok "), result::toString);
    assertFailed(result, "/page/2/", "HTTP 404 Not Found");
    assertTrue(line(result, "/page/2/").contains(" 404 "), result::toString);
    assertFailed(result, "/page/3/", "HTTP 500 Internal Server Error");
    assertFailed(result, "/page/4/", "malformed HTML: quote 2 of 2 has no author");
    assertFailed(result, "/page/5/", "body is larger than the 65536-byte cap (--max-bytes)");
    assertFailed(result, "/page/6/", "redirect loop: /page/6/ -> /loop/6/a -> /loop/6/b -> /loop/6/a");
    assertFailed(result, "/page/7/", "timed out after 4s");
    assertTrue(line(result, "/page/8/").startsWith("skip") && line(result, "/page/8/").contains("disallowed by robots.txt"),
        result::toString);
    assertTrue(line(result, "/page/9/").startsWith("ok "), result::toString);
    assertTrue(line(result, "/page/10/").startsWith("ok "), result::toString);
    assertTrue(result.out().contains("Summary: 10 page(s): 3 ok, 6 failed, 1 skipped by robots.txt; 16 quotes"), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
    assertTrue(result.err().contains("6 of 10 page(s) failed"), result::toString);
  }

  @Test
  void robotsDisallowedPage_isNeverRequested() {
    try (OfflineQuotesServer server = OfflineQuotesServer.builder().fault(4, Fault.DISALLOWED_BY_ROBOTS).start()) {
      CliRunner.Result result = CliRunner.run("scrape", "--pages", "3-5", server.baseUri().toString());

      assertEquals(CliErrors.OK, result.exitCode(), result::toString);
      assertTrue(line(result, "/page/4/").startsWith("skip"), result::toString);
      assertEquals(0, server.requestCount("/page/4/"));
      assertEquals(1, server.requestCount("/page/3/"));
      assertEquals(1, server.requestCount("/robots.txt"));
    }
  }

  @Test
  void scrapeAll_isTheQuietEntryPointForCode() throws InterruptedException {
    try (OfflineQuotesServer server = OfflineQuotesServer.builder().fault(2, Fault.SERVER_ERROR).start()) {
      List<PageReport> reports = QuoteScraper.scrapeAll(server.baseUri(), List.of(3, 2, 1), 2, java.time.Duration.ofSeconds(5));

      assertEquals(List.of(3, 2, 1), reports.stream().map(PageReport::page).toList());
      assertEquals(List.of(PageReport.Outcome.OK, PageReport.Outcome.FAILED, PageReport.Outcome.OK),
          reports.stream().map(PageReport::outcome).toList());
      assertEquals(6 + 5, reports.stream().mapToInt(PageReport::quotes).sum());
      assertEquals(500, reports.get(1).status());
    }
  }

  @Test
  void refusedConnection_isReportedPerPage() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    CliRunner.Result result = CliRunner.run("scrape", "--pages", "1-2", "http://127.0.0.1:" + closedPort + "/");

    assertEquals(CliErrors.FAILURE, result.exitCode(), result::toString);
    assertTrue(result.out().contains("robots.txt: unavailable (connection refused"), result::toString);
    assertFailed(result, "/page/1/", "connection refused: nothing listens at 127.0.0.1:" + closedPort);
    assertFailed(result, "/page/2/", "connection refused");
  }

  @Test
  void badInput_isAUsageError() {
    assertUsage(CliRunner.run("scrape", "--offline", "--pages", "5-2"), "--pages '5-2'");
    assertUsage(CliRunner.run("scrape", "--offline", "--concurrency", "0"), "--concurrency 0");
    assertUsage(CliRunner.run("scrape", "--offline", "--timeout", "soon"), "soon");
    assertUsage(CliRunner.run("scrape", "--offline", "http://example.test/"), "cannot be used with it");
    assertUsage(CliRunner.run("scrape", "--offline", "--fault", "3=sneeze"), "--fault '3=sneeze'");
    assertUsage(CliRunner.run("scrape", "--fault", "3=hang"), "--fault needs --offline");
    assertUsage(CliRunner.run("scrape", "--delay", "1s"), "--delay slows the bundled offline site");
    assertUsage(CliRunner.run("scrape", "ftp://example.test/"), "not an http(s) address");
  }

  private static void assertUsage(CliRunner.Result result, String expected) {
    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains(expected), result::toString);
    assertEquals(1, result.err().lines().count(), result::toString);
  }

  private static void assertFailed(CliRunner.Result result, String path, String reason) {
    String line = line(result, path);
    assertTrue(line.startsWith("FAIL") && line.contains(reason), () -> "expected FAIL with '" + reason + "'\n" + result);
  }

  private static List<String> pageLines(CliRunner.Result result) {
    return result.out().lines().filter(l -> l.matches("(ok|FAIL|skip) .*")).toList();
  }

  private static String line(CliRunner.Result result, String path) {
    return pageLines(result).stream().filter(l -> l.contains(path + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + path + "\n" + result));
  }
}
