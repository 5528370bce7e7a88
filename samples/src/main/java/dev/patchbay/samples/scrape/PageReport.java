package dev.patchbay.samples.scrape;

import java.net.URI;
import java.util.Locale;

/**
 * What happened to one page: fetched and parsed, failed (and why), or skipped because robots.txt
 * disallows it.
 *
 * @param page the page number
 * @param url the address asked for
 * @param outcome ok, failed or skipped
 * @param status the HTTP status, or 0 when no response arrived
 * @param bytes body bytes read (0 when none)
 * @param quotes quotes found on the page (0 unless ok)
 * @param detail why it failed or was skipped; empty when ok
 */
public record PageReport(int page, URI url, Outcome outcome, int status, long bytes, int quotes, String detail) {

  /** How a page ended. */
  public enum Outcome {
    /** Fetched with status 200 and parsed. */
    OK,
    /** Not fetched or not usable; {@link #detail()} says why. */
    FAILED,
    /** Not fetched because robots.txt disallows it. */
    SKIPPED
  }

  static PageReport ok(int page, URI url, int status, long bytes, int quotes) {
    return new PageReport(page, url, Outcome.OK, status, bytes, quotes, "");
  }

  static PageReport failed(int page, URI url, int status, long bytes, String why) {
    return new PageReport(page, url, Outcome.FAILED, status, bytes, 0, why);
  }

  static PageReport skipped(int page, URI url, String why) {
    return new PageReport(page, url, Outcome.SKIPPED, 0, 0, 0, why);
  }

  /** Returns the one line printed for this page. */
  String line() {
    String label = switch (outcome) {
      case OK -> "ok  ";
      case FAILED -> "FAIL";
      case SKIPPED -> "skip";
    };
    String statusText = status == 0 ? "  -" : String.valueOf(status);
    String bytesText = outcome == Outcome.SKIPPED || (status == 0 && bytes == 0) ? "-" : bytes + " B";
    String what = outcome == Outcome.OK ? quotes + (quotes == 1 ? " quote" : " quotes") : detail;
    return String.format(Locale.ROOT, "%s  %-40s  %s  %9s  %s", label, url, statusText, bytesText, what);
  }
}
