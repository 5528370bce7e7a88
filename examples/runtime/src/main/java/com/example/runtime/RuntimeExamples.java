package com.example.runtime;

import dev.patchbay.runtime.console.Spinner;
import dev.patchbay.runtime.state.Key;
import dev.patchbay.runtime.state.SharedState;
import dev.patchbay.runtime.state.Snapshot;
import dev.patchbay.runtime.tasks.ItemResult;
import dev.patchbay.runtime.tasks.TaskScheduler;
import dev.patchbay.runtime.timer.CountdownTimer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The README's runtime snippets, each between "snippet:" marker comments, as one program.
 * .ci/readme-snippets-test checks that the README shows these lines as they are here, and CI runs
 * this program, so the snippets compile and do what the README says.
 */
public final class RuntimeExamples {
  private final List<URI> urls = new ArrayList<>();
  private final AtomicInteger pings = new AtomicInteger();
  private long fibonacciPrevious = 0;
  private long fibonacciCurrent = 1;

  private RuntimeExamples(Path pages) throws IOException {
    for (int i = 1; i <= 8; i++) {
      urls.add(Files.writeString(pages.resolve("page-" + i + ".html"), "<p>page " + i + "</p>").toUri());
    }
  }

  /** Runs every snippet once, in README order. */
  public static void main(String[] args) throws Exception {
    Path pages = Files.createTempDirectory("patchbay-pages");
    try {
      RuntimeExamples examples = new RuntimeExamples(pages);
      examples.timer();
      examples.sharedState();
      examples.tasks();
      examples.spinner();
    } finally {
      try (var files = Files.list(pages)) {
        for (Path page : (Iterable<Path>) files::iterator) {
          Files.delete(page);
        }
      }
      Files.delete(pages);
    }
  }

  private void timer() throws InterruptedException {
    // snippet:timer
    CountdownTimer timer = CountdownTimer.builder(Duration.ofSeconds(3))
        .tickEvery(Duration.ofSeconds(1))
        .threshold(Duration.ofSeconds(1), "final second")
        .onThreshold(t -> System.out.println(t.label()))
        .build().start();
    while (!timer.isFinished()) {
      work();
      if (timer.pollInterrupt()) {                                // Arduino-style flag
        System.out.printf(Locale.ROOT, "%.1f s left%n", timer.remaining().toMillis() / 1000.0);
      }
    }
    // end snippet
  }

  private void sharedState() throws Exception {
    // snippet:state
    SharedState state = SharedState.create();
    Key<Integer> a = Key.of("a", Integer.class);
    Key<Integer> b = Key.of("b", Integer.class);
    state.set(a, 100);
    state.update(a, value -> value - 10);                        // atomic
    state.updateAll(m -> {                                        // atomic over both keys
      m.set(a, m.get(a) - 5);
      m.set(b, m.getOrDefault(b, 0) + 5);
    });
    Snapshot s = state.snapshot();                                // never half of an updateAll
    state.awaitUntil(b, value -> value >= 5, Duration.ofSeconds(1));
    System.out.println("a=" + s.get(a) + " b=" + s.get(b));       // a=85 b=5
    // end snippet
  }

  private void tasks() throws Exception {
    // snippet:tasks
    try (TaskScheduler tasks = TaskScheduler.create()) {          // virtual threads on Java 21+
      List<ItemResult<URI, String>> pages =
          tasks.mapBounded(urls, this::fetch, 4).join();          // results in input order
      System.out.println(pages.size() + " pages, first: " + pages.get(0).value());
      String slow = tasks.submit(() -> fetch(urls.get(0)), Duration.ofSeconds(2))
          .join();                                                // the timeout interrupts the work
      tasks.scheduleAtFixedRate("heartbeat", Duration.ZERO, Duration.ofMillis(100), this::ping);
      Thread.sleep(250);
    }                                                             // graceful close
    // end snippet
    if (pings.get() == 0) {
      throw new IllegalStateException("the heartbeat never ran");
    }
  }

  private void spinner() throws Exception {
    URI url = urls.get(1);
    // snippet:spinner
    String page = Spinner.create("Downloading").call(() -> fetch(url));   // plain lines when not a terminal
    // end snippet
    System.out.println(page);
  }

  /** The work of the timer's main loop: one Fibonacci step, then a short pause. */
  private void work() throws InterruptedException {
    long next = fibonacciPrevious + fibonacciCurrent;
    fibonacciPrevious = fibonacciCurrent;
    fibonacciCurrent = next < 0 ? 1 : next; // start over before overflowing
    Thread.sleep(50);
  }

  private String fetch(URI url) throws IOException, InterruptedException {
    Thread.sleep(100); // a slow server
    return Files.readString(Path.of(url));
  }

  private void ping() {
    pings.incrementAndGet();
  }
}
