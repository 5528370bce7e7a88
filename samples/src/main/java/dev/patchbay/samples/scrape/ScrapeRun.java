package dev.patchbay.samples.scrape;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Fetches every page of a run with bounded concurrency while a progress display runs. */
final class ScrapeRun {
  private ScrapeRun() {}

  /** Returns one report per page, in the order of {@code settings.pages()}. */
  static List<PageReport> fetchAll(QuoteScraper scraper, RobotsRules robots, QuoteScraper.Settings settings, PrintWriter out) {
    // Placeholder until the runtime's mapBounded lands: one by one.
    List<PageReport> reports = new ArrayList<>();
    for (int page : settings.pages()) {
      reports.add(scraper.scrapePage(page, robots));
    }
    return reports;
  }
}
