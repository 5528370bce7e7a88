package dev.patchbay.samples.scrape;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Fetches one address politely with a shared {@link HttpClient}: our User-Agent, a per-request
 * timeout, a cap on the body read, and redirects followed by hand so loops are named and every
 * hop is checked against robots.txt.
 */
final class PageFetcher {

  /** Redirect hops followed before giving up, as browsers do (Chrome stops at 20, curl at 50). */
  static final int MAX_REDIRECTS = 5;

  /** A response whose body was read completely (within the cap). */
  // The body is handed over once and never compared, so an array is what it should be.
  @SuppressWarnings("ArrayRecordComponent")
  record Response(URI uri, int status, String contentType, String location, byte[] body) {}

  /** A fetch that failed; the message is what the page's line shows. */
  static final class FetchFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean disallowed;

    FetchFailure(String message, boolean disallowed) {
      super(message, null, false, false);
      this.disallowed = disallowed;
    }

    /** Returns whether robots.txt, not the server, stopped this fetch. */
    boolean disallowed() {
      return disallowed;
    }
  }

  private final HttpClient client;
  private final String userAgent;
  private final Duration timeout;
  private final int maxBytes;

  PageFetcher(HttpClient client, String userAgent, Duration timeout, int maxBytes) {
    this.client = Objects.requireNonNull(client, "client");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.maxBytes = maxBytes;
  }

  /** Returns a fetcher like this one with another body cap (robots.txt gets its own). */
  PageFetcher withMaxBytes(int cap) {
    return new PageFetcher(client, userAgent, timeout, cap);
  }

  /** Builds the one client all fetches share: it pools connections, so reuse it. */
  static HttpClient newClient(Duration connectTimeout) {
    return HttpClient.newBuilder()
        // Redirects are followed in get() so a loop can be reported with its path.
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connectTimeout)
        .build();
  }

  /**
   * Gets {@code uri}, following up to {@link #MAX_REDIRECTS} same-host redirects that {@code allowed} accepts.
   *
   * @throws FetchFailure with a one-line reason when no usable response arrives
   * @throws InterruptedException if the calling thread is interrupted
   */
  Response get(URI uri, Predicate<URI> allowed) throws FetchFailure, InterruptedException {
    List<URI> hops = new ArrayList<>();
    URI current = uri;
    while (true) {
      hops.add(current);
      Response response = getOnce(current);
      if (response.status() / 100 != 3) {
        return response;
      }
      if (response.location().isEmpty()) {
        throw new FetchFailure("HTTP " + response.status() + " redirect without a Location header", false);
      }
      URI next;
      try {
        next = current.resolve(response.location());
      } catch (IllegalArgumentException e) {
        throw new FetchFailure("redirect to a malformed address '" + response.location() + "'", false);
      }
      if (hops.contains(next)) {
        hops.add(next);
        throw new FetchFailure("redirect loop: " + paths(hops), false);
      }
      if (hops.size() > MAX_REDIRECTS) {
        throw new FetchFailure("more than " + MAX_REDIRECTS + " redirects: " + paths(hops), false);
      }
      if (!Objects.equals(next.getScheme(), current.getScheme())
          || !Objects.equals(next.getAuthority(), current.getAuthority())) {
        throw new FetchFailure("redirect to another site (" + next + ") not followed", false);
      }
      if (!allowed.test(next)) {
        throw new FetchFailure("redirected to " + next.getRawPath() + ", which robots.txt disallows", true);
      }
      current = next;
    }
  }

  private Response getOnce(URI uri) throws FetchFailure, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .header("Accept", "text/html, text/plain;q=0.8")
        .GET()
        .build();
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
        info -> new CappedBodySubscriber(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1)));
    HttpResponse<byte[]> response;
    try {
      // The request's own timeout ends at the headers; this deadline covers a slow body as well.
      response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(/* mayInterruptIfRunning= */ true);
      throw timedOut();
    } catch (InterruptedException e) {
      exchange.cancel(/* mayInterruptIfRunning= */ true);
      throw e;
    } catch (ExecutionException e) {
      throw failure(uri, e.getCause());
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    String location = response.headers().firstValue("Location").orElse("");
    return new Response(uri, response.statusCode(), contentType, location, response.body());
  }

  private FetchFailure timedOut() {
    return new FetchFailure("timed out after " + seconds(timeout) + " (--timeout)", false);
  }

  private FetchFailure failure(URI uri, Throwable cause) {
    // The client may wrap the real cause (our TooLarge, a ConnectException) in an IOException.
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBodySubscriber.TooLarge) {
        return new FetchFailure(t.getMessage(), false);
      }
      if (t instanceof HttpTimeoutException) {
        return timedOut();
      }
      if (t instanceof ConnectException) {
        return new FetchFailure("connection refused: nothing listens at " + uri.getAuthority(), false);
      }
    }
    return new FetchFailure(cause instanceof IOException io ? describe(io) : String.valueOf(cause), false);
  }

  private static String paths(List<URI> hops) {
    return hops.stream().map(URI::getRawPath).collect(Collectors.joining(" -> "));
  }

  private static String seconds(Duration d) {
    return dev.patchbay.samples.timer.DurationConverter.format(d);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
