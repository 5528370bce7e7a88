package dev.patchbay.runtime.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code mapBounded} call: {@code maxConcurrency} workers claim items by index until none are
 * left. The number of workers is the concurrency bound, so no semaphore is needed.
 */
final class Batch<T, R> extends CompletableFuture<List<ItemResult<T, R>>> {

  private final List<T> items;
  private final CheckedFunction<? super T, ? extends R> function;
  private final DefaultTaskScheduler owner;
  // Each slot is written once, by the worker that claimed its index (or by shutdown); the workers'
  // completion, which happens-before workerDone's decrement reaching zero, publishes the slots.
  private final ItemResult<T, R>[] results;
  // Claims indexes: getAndIncrement hands each index to exactly one claimer, worker or shutdown.
  private final AtomicInteger nextIndex = new AtomicInteger();
  private final AtomicInteger workersLeft = new AtomicInteger();
  private final List<TrackedTask<Void>> workers = new ArrayList<>();
  private final long itemTimeoutNanos; // 0 = none

  @SuppressWarnings("unchecked")
  Batch(List<T> items, CheckedFunction<? super T, ? extends R> function, DefaultTaskScheduler owner, long itemTimeoutNanos) {
    this.items = items;
    this.function = function;
    this.owner = owner;
    this.itemTimeoutNanos = itemTimeoutNanos;
    this.results = (ItemResult<T, R>[]) new ItemResult<?, ?>[items.size()];
  }

  // The stage whenComplete returns and the started task are not needed: workerDone() and the
  // batch's own completion carry every outcome, and TrackedTask reports failures itself.
  @SuppressWarnings("FutureReturnValueIgnored")
  void start(int maxConcurrency) {
    int count = Math.min(maxConcurrency, items.size());
    if (count == 0) {
      complete(List.of());
      return;
    }
    workersLeft.set(count);
    synchronized (workers) {
      for (int i = 0; i < count; i++) {
        TrackedTask<Void> worker =
            new TrackedTask<>(this::work, "mapBounded worker " + (i + 1) + " of " + count, true, owner, null);
        worker.whenComplete((value, error) -> workerDone());
        workers.add(worker);
      }
    }
    for (TrackedTask<Void> worker : workers) {
      try {
        owner.start(owner.io(), worker);
      } catch (RuntimeException e) {
        // Shut down while starting: the worker never runs, its items fail as never started.
        worker.cancel(/* mayInterruptIfRunning= */ false);
      }
    }
  }

  private Void work() {
    int size = items.size();
    while (!isDone()) {
      int index = nextIndex.getAndIncrement();
      if (index >= size) {
        break;
      }
      T item = items.get(index);
      if (itemTimeoutNanos > 0) {
        results[index] = applyWithTimeout(index, item);
        continue;
      }
      try {
        results[index] = ItemResult.success(index, item, function.apply(item));
      } catch (Exception | Error e) {
        results[index] = ItemResult.failure(index, item, e);
      }
    }
    return null;
  }

  private ItemResult<T, R> applyWithTimeout(int index, T item) {
    ItemDeadline deadline = new ItemDeadline(Thread.currentThread());
    Runnable cancelDeadline = owner.afterDelay(deadline::expire, itemTimeoutNanos);
    ItemResult<T, R> result;
    try {
      result = ItemResult.success(index, item, function.apply(item));
    } catch (Exception | Error e) {
      result = ItemResult.failure(index, item, e);
    } finally {
      cancelDeadline.run();
    }
    if (deadline.finish()) {
      // Whatever the function made of the interrupt, the item ran out of time.
      return ItemResult.failure(
          index,
          item,
          new TimeoutException(
              "Item " + index + " (" + item + ") ran longer than its timeout of "
                  + Duration.ofNanos(itemTimeoutNanos) + " and was interrupted"));
    }
    return result;
  }

  /**
   * The timeout of one item: interrupts the worker only while that item runs, and clears the
   * interrupt afterwards so the worker's next item starts clean.
   */
  private static final class ItemDeadline {
    private final Thread worker;
    private boolean finished; // guarded by "this"
    private boolean expired; // guarded by "this"

    ItemDeadline(Thread worker) {
      this.worker = worker;
    }

    synchronized void expire() {
      if (!finished) {
        expired = true;
        worker.interrupt();
      }
    }

    /** Called by the worker when the item is over; true if the deadline interrupted it. */
    synchronized boolean finish() {
      finished = true;
      if (expired) {
        Thread.interrupted(); // the interrupt was meant for this item only
      }
      return expired;
    }
  }

  private void workerDone() {
    if (workersLeft.decrementAndGet() != 0) {
      return;
    }
    // Indexes never claimed (cancel, shutdown, a worker that never started) still get a result.
    int index;
    while ((index = nextIndex.getAndIncrement()) < items.size()) {
      results[index] = ItemResult.failure(index, items.get(index), new CancellationException("Item " + index + " never started"));
    }
    complete(Collections.unmodifiableList(Arrays.asList(results.clone())));
  }

  /** Called by shutdown: claims every item not yet started and describes them. */
  List<String> stopUnclaimed() {
    List<String> unclaimed = new ArrayList<>();
    int index;
    while ((index = nextIndex.getAndIncrement()) < items.size()) {
      results[index] =
          ItemResult.failure(
              index, items.get(index), new CancellationException("The TaskScheduler shut down before item " + index + " started"));
      unclaimed.add("mapBounded item " + index + " (" + items.get(index) + ")");
    }
    return unclaimed;
  }

  /** Cancels the whole batch: unstarted items never start, running ones are interrupted. */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      List<TrackedTask<Void>> current;
      synchronized (workers) {
        current = new ArrayList<>(workers);
      }
      for (TrackedTask<Void> worker : current) {
        worker.cancel(/* mayInterruptIfRunning= */ true);
      }
    }
    return cancelled;
  }
}
