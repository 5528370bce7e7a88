package dev.patchbay.runtime.tasks;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded buffer with a "closed" state in place of poison pills: consumers leave when the buffer
 * is closed and empty.
 */
final class DefaultWorkQueue<T> implements WorkQueue<T> {

  private final String name;
  private final int capacity;
  private final int consumerCount;
  private final CheckedConsumer<? super T> handler;
  private final DefaultTaskScheduler owner;

  // One lock with two conditions, as in ArrayBlockingQueue; a separate "closed" state is what a
  // BlockingQueue lacks, and it has to change atomically with the waits.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<T> items = new ArrayDeque<>(); // guarded by lock
  private boolean closed; // guarded by lock

  private final CountDownLatch consumersDone;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  DefaultWorkQueue(String name, int capacity, int consumers, CheckedConsumer<? super T> handler, DefaultTaskScheduler owner) {
    this.name = name;
    this.capacity = capacity;
    this.consumerCount = consumers;
    this.handler = handler;
    this.owner = owner;
    this.consumersDone = new CountDownLatch(consumers);
  }

  // The stage whenComplete returns and the task start returns are not needed: a consumer's failure
  // is reported by TrackedTask itself, and close() waits on consumersDone.
  @SuppressWarnings("FutureReturnValueIgnored")
  void start() {
    for (int i = 0; i < consumerCount; i++) {
      TrackedTask<Void> consumer =
          new TrackedTask<>(this::consume, "consumer " + (i + 1) + " of work queue '" + name + "'", true, owner, null);
      // Counted on completion, not at the end of consume(), so a consumer that never started
      // (shutdown) does not make close() wait forever.
      consumer.whenComplete((value, error) -> consumersDone.countDown());
      try {
        owner.start(owner.io(), consumer);
      } catch (RuntimeException e) {
        consumer.cancel(/* mayInterruptIfRunning= */ false);
        throw e;
      }
    }
  }

  @Override
  public void put(T item) throws InterruptedException {
    requireNonNull(item, "item");
    lock.lockInterruptibly();
    try {
      while (items.size() >= capacity && !closed) {
        notFull.await();
      }
      add(item);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean offer(T item, Duration timeout) throws InterruptedException {
    requireNonNull(item, "item");
    requireNonNull(timeout, "timeout");
    long nanos = timeout.toNanos();
    lock.lockInterruptibly();
    try {
      while (items.size() >= capacity && !closed) {
        if (nanos <= 0) {
          return false;
        }
        nanos = notFull.awaitNanos(nanos);
      }
      add(item);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void add(T item) {
    if (closed) {
      throw new IllegalStateException("Work queue '" + name + "' is closed and accepts no more items");
    }
    items.add(item);
    notEmpty.signal();
  }

  /** Takes the next item, or null once the queue is closed and empty. */
  private T take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (items.isEmpty() && !closed) {
        notEmpty.await();
      }
      return removeFirst();
    } finally {
      lock.unlock();
    }
  }

  /** Takes the next item without waiting, or null if none is queued; what a consumer does. */
  T poll() {
    lock.lock();
    try {
      return removeFirst();
    } finally {
      lock.unlock();
    }
  }

  private T removeFirst() {
    T item = items.poll();
    if (item != null) {
      notFull.signal();
    }
    return item;
  }

  private Void consume() {
    while (true) {
      T item;
      try {
        item = take();
      } catch (InterruptedException e) {
        return null; // shutdown interrupted us; abort() has reported what is left
      }
      if (item == null) {
        return null;
      }
      try {
        handler.accept(item);
      } catch (Exception | Error e) {
        failed.incrementAndGet();
        owner.reportFailure("work queue '" + name + "' handling " + item, e);
      } finally {
        handled.incrementAndGet();
      }
    }
  }

  @Override
  public int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long handled() {
    return handled.get();
  }

  @Override
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    markClosed();
    try {
      consumersDone.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    owner.forget(this);
  }

  /** Called by shutdown: refuses new items; the consumers go on draining. */
  void stopAccepting() {
    markClosed();
  }

  private void markClosed() {
    lock.lock();
    try {
      closed = true;
      // Wake everyone: consumers to drain and leave, producers to fail fast.
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Called by shutdown: closes the queue and removes the items no consumer took. */
  List<String> abort() {
    List<String> dropped = new ArrayList<>();
    lock.lock();
    try {
      closed = true;
      for (T item : items) {
        dropped.add("work queue '" + name + "' item " + item);
      }
      items.clear();
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
    return dropped;
  }
}
