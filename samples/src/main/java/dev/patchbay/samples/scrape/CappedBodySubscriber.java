package dev.patchbay.samples.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap and gives up, cancelling the download, the moment the
 * body (or its declared length) goes past it: an oversized page costs at most the cap in memory.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  /** The body was larger than the cap. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }

  private final int cap;
  private final long declaredLength;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBodySubscriber(int cap, long declaredLength) {
    this.cap = cap;
    this.declaredLength = declaredLength;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declaredLength > cap) {
      giveUp("declares " + declaredLength + " bytes, more than the " + cap + "-byte cap (--max-bytes)");
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      return; // cancelled already; the client may still deliver what was in flight
    }
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + buffer.remaining() > cap) {
        giveUp("is larger than the " + cap + "-byte cap (--max-bytes)");
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
    // One batch at a time: the server cannot push more than we are willing to hold.
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  private void giveUp(String why) {
    subscription.cancel();
    body.completeExceptionally(new TooLarge("body " + why));
  }
}
