package dev.patchbay.samples.scrape;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import dev.patchbay.samples.timer.DurationConverter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scrape}: a polite concurrent scraper of a paginated quotes site, online or against the
 * bundled offline site.
 */
@Command(
    name = "scrape",
    mixinStandardHelpOptions = true,
    description = {
        "A polite concurrent scraper of a paginated quotes site: robots.txt, one shared client, bounded concurrency.",
        "Prints one line per page (URL, status, bytes, quotes found) and a summary; exits 1 if any page failed."
    })
public final class ScrapeCommand implements Callable<Integer> {

  /** A public quotes site built for scraping exercises, paginated as /page/N/. */
  public static final String DEFAULT_BASE_URL = "https://quotes.toscrape.com/";

  @Spec
  CommandSpec spec;

  @Option(names = "--offline", description = "Scrape the bundled pages served on 127.0.0.1 instead of the web.")
  boolean offline;

  @Option(names = "--pages", defaultValue = "1-10", paramLabel = "FIRST-LAST",
      description = "Page range to fetch, e.g. 1-10 or 3 (default: ${DEFAULT-VALUE}).")
  String pages;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "3", description = "Pages fetched at once, 1-64 (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "Per-request timeout, e.g. 5s, 500ms (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--delay", paramLabel = "DURATION", defaultValue = "200ms", converter = DurationConverter.class,
      description = "With --offline: how long the local server takes to answer each page (default: ${DEFAULT-VALUE}).")
  Duration delay;

  @Option(names = "--max-bytes", paramLabel = "BYTES", defaultValue = "1048576",
      description = "Cap on each page's body; a larger page fails (default: ${DEFAULT-VALUE}).")
  int maxBytes;

  @Option(names = "--fault", paramLabel = "PAGE=KIND",
      description = "With --offline: make a page fail on purpose, e.g. 3=not-found. Kinds: not-found, server-error, "
          + "malformed-html, oversized-body, redirect-loop, hang, disallowed-by-robots. Repeatable.")
  List<String> faults = new ArrayList<>();

  @Parameters(arity = "0..1", paramLabel = "BASE_URL",
      description = "Site to scrape; pages are BASE_URL/page/N/ (default: " + DEFAULT_BASE_URL + ").")
  String baseUrl;

  /** Creates the command; picocli fills in its options. */
  public ScrapeCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    List<Integer> pageNumbers = parsePages();
    validate();
    Map<Integer, Fault> faultsByPage = parseFaults();
    PrintWriter out = spec.commandLine().getOut();
    HttpClient client = PageFetcher.newClient(timeout);
    if (!offline) {
      return scrape(out, client, baseUri(baseUrl == null ? DEFAULT_BASE_URL : baseUrl), pageNumbers);
    }
    OfflineQuotesServer.Builder builder = OfflineQuotesServer.builder().delay(delay);
    faultsByPage.forEach(builder::fault);
    try (OfflineQuotesServer server = builder.start()) {
      out.printf(Locale.ROOT, "Offline site on %s (%s delay per page)%n", server.baseUri(), DurationConverter.format(delay));
      return scrape(out, client, server.baseUri(), pageNumbers);
    }
  }

  private int scrape(PrintWriter out, HttpClient client, URI base, List<Integer> pageNumbers)
      throws InterruptedException {
    QuoteScraper.Settings settings = new QuoteScraper.Settings(base, pageNumbers, concurrency, timeout, maxBytes);
    QuoteScraper scraper = new QuoteScraper(settings, client);
    out.printf(Locale.ROOT, "Scraping %d page(s) of %s, at most %d at a time, timeout %s, User-Agent \"%s\"%n",
        pageNumbers.size(), base, concurrency, DurationConverter.format(timeout), QuoteScraper.USER_AGENT);
    QuoteScraper.Robots robots = scraper.robots();
    out.println(robots.description());
    List<PageReport> reports = ScrapeRun.fetchAll(scraper, robots.rules(), settings, out);
    for (PageReport report : reports) {
      out.println(report.line());
    }
    long ok = reports.stream().filter(r -> r.outcome() == PageReport.Outcome.OK).count();
    long failed = reports.stream().filter(r -> r.outcome() == PageReport.Outcome.FAILED).count();
    long skipped = reports.stream().filter(r -> r.outcome() == PageReport.Outcome.SKIPPED).count();
    long quotes = reports.stream().mapToLong(PageReport::quotes).sum();
    long bytes = reports.stream().mapToLong(PageReport::bytes).sum();
    // No second timing here: the spinner's "done in" line above is the run's one duration.
    out.printf(Locale.ROOT, "Summary: %d page(s): %d ok, %d failed, %d skipped by robots.txt; %d quotes, %,d bytes%n",
        reports.size(), ok, failed, skipped, quotes, bytes);
    out.flush();
    if (failed > 0) {
      throw new CommandFailedException(failed + " of " + reports.size()
          + " page(s) failed; their lines above, marked FAIL, say why", null);
    }
    return CliErrors.OK;
  }

  private List<Integer> parsePages() {
    String[] bounds = pages.trim().split("\\s*-\\s*", -1);
    try {
      int first = Integer.parseInt(bounds[0]);
      int last = bounds.length == 1 ? first : Integer.parseInt(bounds[1]);
      if (bounds.length > 2 || first < 1 || last < first || last - first >= 1000) {
        throw new NumberFormatException();
      }
      List<Integer> numbers = new ArrayList<>();
      for (int p = first; p <= last; p++) {
        numbers.add(p);
      }
      return numbers;
    } catch (NumberFormatException e) {
      throw new ParameterException(spec.commandLine(), "--pages '" + pages
          + "' is not a page range; write FIRST-LAST with 1 <= FIRST <= LAST (at most 1000 pages), e.g. 1-10");
    }
  }

  private void validate() {
    if (concurrency < 1 || concurrency > 64) {
      throw new ParameterException(spec.commandLine(), "--concurrency " + concurrency + " is out of range; use 1 to 64");
    }
    if (timeout.isZero()) {
      throw new ParameterException(spec.commandLine(), "--timeout must be longer than zero, e.g. 5s");
    }
    if (maxBytes < 1) {
      throw new ParameterException(spec.commandLine(), "--max-bytes " + maxBytes + " must be at least 1");
    }
    if (offline && baseUrl != null) {
      throw new ParameterException(spec.commandLine(),
          "--offline scrapes the bundled site, so BASE_URL '" + baseUrl + "' cannot be used with it; drop one of them");
    }
    if (!offline && spec.commandLine().getParseResult().hasMatchedOption("--delay")) {
      throw new ParameterException(spec.commandLine(),
          "--delay slows the bundled offline site, so it needs --offline; a real site sets its own pace");
    }
    if (!offline && !faults.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--fault needs --offline: only the bundled site fails on purpose");
    }
  }

  private Map<Integer, Fault> parseFaults() {
    Map<Integer, Fault> byPage = new TreeMap<>();
    for (String fault : faults) {
      int eq = fault.indexOf('=');
      try {
        int page = Integer.parseInt(fault.substring(0, Math.max(eq, 0)).trim());
        if (page < 1 || page > OfflineQuotesServer.PAGE_COUNT) {
          throw new ParameterException(spec.commandLine(), "--fault " + fault + ": the offline site has pages 1 to "
              + OfflineQuotesServer.PAGE_COUNT);
        }
        String kind = fault.substring(eq + 1).trim().toUpperCase(Locale.ROOT).replace('-', '_');
        byPage.put(page, Fault.valueOf(kind));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--fault '" + fault + "' is not PAGE=KIND; kinds are "
            + "not-found, server-error, malformed-html, oversized-body, redirect-loop, hang, disallowed-by-robots");
      }
    }
    return byPage;
  }

  private URI baseUri(String text) {
    try {
      URI uri = new URI(text.endsWith("/") ? text : text + "/");
      if ((!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an http(s) address with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ParameterException(spec.commandLine(),
          "BASE_URL '" + text + "' is not an http(s) address; write e.g. " + DEFAULT_BASE_URL);
    }
  }
}
