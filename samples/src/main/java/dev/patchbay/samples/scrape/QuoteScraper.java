package dev.patchbay.samples.scrape;

import dev.patchbay.samples.scrape.PageFetcher.FetchFailure;
import dev.patchbay.samples.scrape.QuoteParser.MalformedPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Scrapes a range of pages of a quotes site politely: robots.txt first, then every allowed page
 * through one shared client, at most {@code concurrency} at a time, each turned into a
 * {@link PageReport} that never throws.
 *
 * <p>{@link #scrapeAll} is the entry point for code (the benchmarks time it); the {@code scrape}
 * command adds the progress display and the printing.
 */
public final class QuoteScraper {

  /** The product token robots.txt groups are matched against. */
  static final String AGENT_TOKEN = "PatchbaySamples";
  /** What every request sends as its User-Agent. */
  static final String USER_AGENT = AGENT_TOKEN + "/0.1 (polite scraper sample; honours robots.txt)";
  private static final int ROBOTS_MAX_BYTES = 512 * 1024;

  /**
   * What to scrape and how politely.
   *
   * @param base the site's base address, ending in a slash
   * @param pages the page numbers, in the order they are reported
   * @param concurrency how many pages may be in flight at once
   * @param timeout the per-request timeout
   * @param maxBytes the cap on each body
   */
  record Settings(URI base, List<Integer> pages, int concurrency, Duration timeout, int maxBytes) {
    Settings {
      Objects.requireNonNull(base, "base");
      pages = List.copyOf(pages);
    }

    URI pageUri(int page) {
      return base.resolve("page/" + page + "/");
    }
  }

  /** What robots.txt said: the rules in force and a line describing how they were obtained. */
  record Robots(RobotsRules rules, String description) {}

  private final Settings settings;
  private final PageFetcher fetcher;

  /**
   * Scrapes {@code base/page/N/} for each of {@code pages} with one new shared client, quietly.
   *
   * @param base the site, e.g. {@link OfflineQuotesServer#baseUri()}
   * @param pages the page numbers; reports come back in this order
   * @param concurrency the most pages in flight at once; at least 1
   * @param timeout the per-request timeout
   * @return one report per page; failures are reports, never exceptions
   * @throws InterruptedException if the calling thread is interrupted
   */
  public static List<PageReport> scrapeAll(URI base, List<Integer> pages, int concurrency, Duration timeout)
      throws InterruptedException {
    Settings settings = new Settings(base, pages, concurrency, timeout, 1024 * 1024);
    QuoteScraper scraper = new QuoteScraper(settings, PageFetcher.newClient(timeout));
    return ScrapeRun.fetchAll(scraper, scraper.robots().rules(), settings, null);
  }

  QuoteScraper(Settings settings, HttpClient client) {
    this.settings = settings;
    this.fetcher = new PageFetcher(client, USER_AGENT, settings.timeout(), settings.maxBytes());
  }

  /** Fetches and reads robots.txt; a missing file allows everything, a server error nothing. */
  Robots robots() throws InterruptedException {
    URI uri = settings.base().resolve("/robots.txt");
    PageFetcher robotsFetcher = fetcher.withMaxBytes(ROBOTS_MAX_BYTES);
    try {
      PageFetcher.Response response = robotsFetcher.get(uri, any -> true);
      int status = response.status();
      if (status / 100 == 2) {
        RobotsRules rules = RobotsRules.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), AGENT_TOKEN);
        return new Robots(rules, "robots.txt: " + rules.description());
      }
      if (status / 100 == 4) {
        return new Robots(RobotsRules.ALLOW_ALL, "robots.txt: HTTP " + status + ", so every page is allowed");
      }
      return new Robots(RobotsRules.DISALLOW_ALL, "robots.txt: HTTP " + status + ", so no page is fetched (RFC 9309)");
    } catch (FetchFailure e) {
      // Unreachable: each page will fail on its own line, and no extra load reaches the site.
      return new Robots(RobotsRules.ALLOW_ALL, "robots.txt: unavailable (" + e.getMessage() + ")");
    }
  }

  /** Fetches and reads one page; every outcome, failures included, becomes a report. */
  PageReport scrapePage(int page, RobotsRules robots) {
    URI uri = settings.pageUri(page);
    if (!robots.allows(pathOf(uri))) {
      return PageReport.skipped(page, uri, "disallowed by robots.txt, not fetched");
    }
    PageFetcher.Response response;
    try {
      response = fetcher.get(uri, next -> robots.allows(pathOf(next)));
    } catch (FetchFailure e) {
      return e.disallowed() ? PageReport.skipped(page, uri, e.getMessage()) : PageReport.failed(page, uri, 0, 0, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PageReport.failed(page, uri, 0, 0, "interrupted (the run was cancelled)");
    }
    int status = response.status();
    long bytes = response.body().length;
    if (status != 200) {
      return PageReport.failed(page, uri, status, bytes, "HTTP " + status + " " + reason(status));
    }
    try {
      int quotes = QuoteParser.countQuotes(response.body(), response.contentType(), uri.toString());
      return PageReport.ok(page, uri, status, bytes, quotes);
    } catch (MalformedPage e) {
      return PageReport.failed(page, uri, status, bytes, e.getMessage());
    } catch (RuntimeException e) {
      return PageReport.failed(page, uri, status, bytes, "unreadable page: " + e);
    }
  }

  /** Returns the function that scrapes one page under {@code robots}, for a bounded map. */
  Function<Integer, PageReport> pageScraper(RobotsRules robots) {
    return page -> scrapePage(page, robots);
  }

  private static String pathOf(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status / 100 == 3 ? "redirect" : "";
    };
  }
}
