package dev.patchbay.samples.scrape;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on 127.0.0.1 (a free port) serving ten bundled pages of quotes, a robots.txt and,
 * on request, pages that fail on purpose; every page answer waits a configurable delay first.
 *
 * <p>Usage: {@code try (var server = OfflineQuotesServer.start(Duration.ofMillis(200))) { URI base =
 * server.baseUri(); ... }}. Pages live at {@code /page/1/} .. {@code /page/10/}.
 */
public final class OfflineQuotesServer implements AutoCloseable {

  /** How many pages of quotes the server holds. */
  public static final int PAGE_COUNT = 10;

  private static final Pattern PAGE_PATH = Pattern.compile("/page/(\\d+)/?");
  private static final Pattern LOOP_PATH = Pattern.compile("/loop/(\\d+)/([ab])");
  private static final String HTML = "text/html; charset=utf-8";
  private static final int OVERSIZED_BYTES = 3 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService handlers;
  private final Duration delay;
  private final Map<Integer, Fault> faults;
  private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
  // Released by close(), so HANG handlers (and any delayed answer) end with the server.
  private final CountDownLatch closing = new CountDownLatch(1);

  private OfflineQuotesServer(Duration delay, Map<Integer, Fault> faults) throws IOException {
    this.delay = delay;
    this.faults = Map.copyOf(faults);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // The default executor answers one exchange at a time, which would hide the client's
    // concurrency; a thread per exchange lets ten slow pages be served at once.
    AtomicInteger n = new AtomicInteger();
    this.handlers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "offline-quotes-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts a server whose pages all behave, each answered after {@code delay}.
   *
   * @param delay how long every page waits before answering (robots.txt answers at once)
   * @return the running server
   * @throws UncheckedIOException if no loopback port can be bound
   */
  public static OfflineQuotesServer start(Duration delay) {
    return builder().delay(delay).start();
  }

  /**
   * Returns a builder for a server with a delay and faults on chosen pages.
   *
   * @return a new builder (no delay, no faults)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the base address, such as {@code http://127.0.0.1:41234/}.
   *
   * @return the base URI, ending in a slash
   */
  public URI baseUri() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort() + "/");
  }

  /**
   * Returns how many requests reached {@code path} so far (e.g. to prove a disallowed page was never asked for).
   *
   * @param path a request path such as {@code /page/7/}
   * @return the number of requests for exactly that path
   */
  public long requestCount(String path) {
    LongAdder count = requests.get(path);
    return count == null ? 0 : count.sum();
  }

  /** Stops the server at once, releasing any handler that is still waiting. */
  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.computeIfAbsent(path, p -> new LongAdder()).increment();
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain", "only GET is served here\n");
        return;
      }
      if (path.equals("/robots.txt")) {
        send(exchange, 200, "text/plain; charset=utf-8", robotsTxt());
        return;
      }
      Matcher loop = LOOP_PATH.matcher(path);
      if (loop.matches()) {
        // /loop/N/a -> /loop/N/b -> /loop/N/a: a cycle the client has to notice.
        redirect(exchange, "/loop/" + loop.group(1) + "/" + ("a".equals(loop.group(2)) ? "b" : "a"));
        return;
      }
      int page = pageNumber(path);
      if (page < 1 || page > PAGE_COUNT) {
        send(exchange, 404, HTML, "<!DOCTYPE html><html><body><p>No such page.</p></body></html>\n");
        return;
      }
      if (waitOrClosing(delay)) {
        return;
      }
      serve(exchange, page, faults.get(page));
    } catch (IOException e) {
      // The client went away (a timeout or a body cap); nothing is left to answer.
    }
  }

  private void serve(HttpExchange exchange, int page, Fault fault) throws IOException {
    if (fault == null || fault == Fault.DISALLOWED_BY_ROBOTS) {
      send(exchange, 200, HTML, resource("site/page-" + page + ".html"));
      return;
    }
    switch (fault) {
      case NOT_FOUND -> send(exchange, 404, HTML, "<!DOCTYPE html><html><body><p>Gone.</p></body></html>\n");
      case SERVER_ERROR -> send(exchange, 500, "text/plain", "the quotes database is down\n");
      case MALFORMED_HTML -> send(exchange, 200, HTML, resource("site/malformed.html"));
      case REDIRECT_LOOP -> redirect(exchange, "/loop/" + page + "/a");
      case HANG -> waitOrClosing(Duration.ofDays(1));
      case OVERSIZED_BODY -> streamOversized(exchange);
      default -> throw new IllegalStateException("unhandled fault " + fault);
    }
  }

  private void streamOversized(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", HTML);
    // Length 0 means chunked: the client cannot see the size up front and must cap while reading.
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = "<p>padding padding padding padding padding padding padding</p>\n"
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write("<!DOCTYPE html><html><body>\n".getBytes(StandardCharsets.UTF_8));
      for (int written = 0; written < OVERSIZED_BYTES; written += chunk.length) {
        body.write(chunk);
      }
      body.write("</body></html>\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  private String robotsTxt() {
    StringBuilder robots = new StringBuilder(resource("site/robots.txt"));
    new TreeMap<>(faults).forEach((page, fault) -> {
      if (fault == Fault.DISALLOWED_BY_ROBOTS) {
        robots.append("Disallow: /page/").append(page).append("/\n");
      }
    });
    return robots.toString();
  }

  /** Returns true if the server closed while waiting. */
  private boolean waitOrClosing(Duration wait) {
    if (wait.isZero()) {
      return false;
    }
    try {
      return closing.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static int pageNumber(String path) {
    if (path.equals("/")) {
      return 1;
    }
    Matcher m = PAGE_PATH.matcher(path);
    if (!m.matches() || m.group(1).length() > 4) {
      return -1;
    }
    return Integer.parseInt(m.group(1));
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String resource(String name) {
    try (InputStream in = OfflineQuotesServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("bundled page " + name + " is missing from the samples jar; rebuild it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled page " + name, e);
    }
  }

  /** Configures an {@link OfflineQuotesServer}: the delay before each page and the faulty pages. */
  public static final class Builder {
    private Duration delay = Duration.ZERO;
    private final Map<Integer, Fault> faults = new TreeMap<>();

    private Builder() {}

    /**
     * Sets how long each page waits before answering.
     *
     * @param delay a non-negative duration
     * @return this builder
     */
    public Builder delay(Duration delay) {
      if (Objects.requireNonNull(delay, "delay").isNegative()) {
        throw new IllegalArgumentException("delay " + delay + " is negative; give zero or more");
      }
      this.delay = delay;
      return this;
    }

    /**
     * Makes {@code page} misbehave with {@code fault}.
     *
     * @param page a page number from 1 to {@link #PAGE_COUNT}
     * @param fault how it misbehaves
     * @return this builder
     */
    public Builder fault(int page, Fault fault) {
      if (page < 1 || page > PAGE_COUNT) {
        throw new IllegalArgumentException("page " + page + " does not exist; pages are 1.." + PAGE_COUNT);
      }
      faults.put(page, Objects.requireNonNull(fault, "fault"));
      return this;
    }

    /**
     * Binds a free loopback port and starts serving.
     *
     * @return the running server
     * @throws UncheckedIOException if the port cannot be bound
     */
    public OfflineQuotesServer start() {
      try {
        return new OfflineQuotesServer(delay, faults);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the offline quotes server on 127.0.0.1", e);
      }
    }
  }
}
