package dev.patchbay.samples.scrape;

import dev.patchbay.runtime.console.Spinner;
import dev.patchbay.runtime.tasks.ItemResult;
import dev.patchbay.runtime.tasks.TaskScheduler;
import dev.patchbay.samples.spinner.WriterOutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Fetches every page of a run with the runtime's bounded map while the runtime's spinner shows progress. */
final class ScrapeRun {
  private ScrapeRun() {}

  /** Returns one report per page, in the order of {@code settings.pages()}; shows a spinner on {@code out} unless null. */
  static List<PageReport> fetchAll(QuoteScraper scraper, RobotsRules robots, QuoteScraper.Settings settings,
      PrintWriter out) throws InterruptedException {
    Spinner spinner = out == null ? null : Spinner.builder("Fetching " + settings.pages().size() + " page(s)")
        .output(WriterOutputStream.printStream(out))
        .build();
    try (TaskScheduler tasks = TaskScheduler.create()) {
      // Every page runs on the I/O pool, at most `concurrency` in flight: the politeness bound.
      CompletableFuture<List<ItemResult<Integer, PageReport>>> all =
          tasks.mapBounded(settings.pages(), scraper.pageScraper(robots)::apply, settings.concurrency());
      List<ItemResult<Integer, PageReport>> results = spinner == null ? all.get() : spinner.await(all);
      List<PageReport> reports = new ArrayList<>(results.size());
      for (ItemResult<Integer, PageReport> result : results) {
        // scrapePage turns every failure into a report; an error here is a bug, still shown per page.
        reports.add(result.isSuccess() ? result.value()
            : PageReport.failed(result.item(), settings.pageUri(result.item()), 0, 0, "internal error: " + result.error()));
      }
      return reports;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the batch of pages failed as a whole: " + e.getCause(), e.getCause());
    }
  }
}
