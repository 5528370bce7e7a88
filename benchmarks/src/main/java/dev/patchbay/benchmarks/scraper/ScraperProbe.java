package dev.patchbay.benchmarks.scraper;

import com.sun.net.httpserver.HttpServer;
import dev.patchbay.runtime.tasks.ItemResult;
import dev.patchbay.runtime.tasks.TaskScheduler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves offline pages on loopback with a fixed delay and scrapes them one by one and
 * concurrently, in one JVM, printing each pass's time.
 *
 * <p>Usage: {@code ScraperProbe <pages> <delayMillis> <repetitions> <concurrency>...}; prints
 * {@code RUN <concurrency> <rep> <nanos>}, where concurrency 1 is a plain loop and larger values
 * go through {@code TaskScheduler.mapBounded}. Rep 0 of each is a discarded warm-up.
 */
public final class ScraperProbe {
  private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

  private ScraperProbe() {}

  /**
   * Entry point.
   *
   * @param args pages, delay in ms, repetitions, then each concurrency to measure
   * @throws Exception when the server or a fetch fails
   */
  public static void main(String[] args) throws Exception {
    int pages = Integer.parseInt(args[0]);
    long delayMs = Long.parseLong(args[1]);
    int reps = Integer.parseInt(args[2]);
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the body
    // waits for the client's delayed ACK (40 ms on Linux) on most connections, an artefact of the
    // test server that no real site has. TCP_NODELAY removes it.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    ExecutorService serverThreads = Executors.newFixedThreadPool(32);
    server.setExecutor(serverThreads);
    server.createContext("/page/", exchange -> {
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String id = exchange.getRequestURI().getPath().substring("/page/".length());
      byte[] body = ("<html><head><title>Offline page " + id + "</title></head><body>"
          + "<p>Quote " + id + ": measure twice, cut once.</p></body></html>")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/page/";
    List<URI> uris = new ArrayList<>();
    for (int i = 0; i < pages; i++) {
      uris.add(URI.create(base + i));
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (TaskScheduler scheduler = TaskScheduler.create()) {
      for (int rep = 0; rep <= reps; rep++) {
        // Interleave the modes within each repetition so they share the same machine load.
        for (int a = 3; a < args.length; a++) {
          int concurrency = Integer.parseInt(args[a]);
          long t0 = System.nanoTime();
          int titles = concurrency == 1 ? oneByOne(client, uris)
              : concurrently(scheduler, client, uris, concurrency);
          long t1 = System.nanoTime();
          if (titles != pages) {
            throw new IllegalStateException("scraped " + titles + " titles of " + pages);
          }
          System.out.println("RUN " + concurrency + " " + rep + " " + (t1 - t0));
        }
      }
    } finally {
      server.stop(0);
      serverThreads.shutdownNow();
    }
  }

  private static int oneByOne(HttpClient client, List<URI> uris) throws Exception {
    int titles = 0;
    for (URI uri : uris) {
      titles += title(client, uri) == null ? 0 : 1;
    }
    return titles;
  }

  private static int concurrently(TaskScheduler scheduler, HttpClient client, List<URI> uris,
      int concurrency) throws Exception {
    int titles = 0;
    for (ItemResult<URI, String> r : scheduler.mapBounded(uris, uri -> title(client, uri),
        concurrency).get()) {
      titles += r.isSuccess() && r.value() != null ? 1 : 0;
    }
    return titles;
  }

  private static String title(HttpClient client, URI uri) throws IOException,
      InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    Matcher m = TITLE.matcher(response.body());
    return m.find() ? m.group(1) : null;
  }
}
