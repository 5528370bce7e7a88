package dev.patchbay.runtime.state;

import static java.util.Objects.requireNonNull;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * {@link SharedState} as an immutable {@link Snapshot} behind one {@link AtomicReference}.
 *
 * <p>Why not per-key cells: a snapshot must be linearizable (a sequence "set a, then set b" must
 * never be seen as b without a), which per-key cells can only offer with a global sequence counter
 * that every writer touches anyway. One CAS on one reference gives that for free, and for the small
 * key sets this is meant for, copying a short value array is cheaper than taking a lock.
 */
final class DefaultSharedState implements SharedState {

  private static final System.Logger LOG = System.getLogger(SharedState.class.getName());
  private static final Thread[] NO_WAITERS = new Thread[0];

  // The committed state. CAS gives each commit a total order and publishes the new snapshot's
  // arrays safely (volatile semantics): a reader that sees the node sees its contents.
  private final AtomicReference<Node> root = new AtomicReference<>(new Node(Snapshot.EMPTY, List.of(), null));

  // Copy-on-write arrays, replaced under "this" and read with one volatile read per commit, so a
  // state without listeners or waiters pays one volatile read each for them.
  private volatile Listener[] listeners = new Listener[0];
  private volatile Thread[] waiters = NO_WAITERS;

  // Delivery is serialized by the work-in-progress counter (the usual "drain loop"): the thread that
  // moves it from 0 delivers until it returns to 0. Its atomic increments also order the accesses
  // to lastDelivered and to the nodes' prev links between successive drainers.
  private final AtomicInteger deliveryWork = new AtomicInteger();
  private Node lastDelivered = root.get();

  @Override
  public <T> T get(Key<T> key) {
    return root.get().snapshot.get(key);
  }

  @Override
  public <T> T getOrDefault(Key<T> key, T defaultValue) {
    return root.get().snapshot.getOrDefault(key, defaultValue);
  }

  @Override
  public <T> void set(Key<T> key, T value) {
    requireNonNull(key, "key");
    T checked = key.check(value, "The value");
    update(key, old -> checked);
  }

  @Override
  public <T> T update(Key<T> key, UnaryOperator<T> function) {
    requireNonNull(key, "key");
    requireNonNull(function, "function");
    while (true) {
      Node current = root.get();
      Snapshot base = current.snapshot;
      int index = base.indexOf(key);
      T oldValue = index < 0 ? null : key.type().cast(base.valueAt(index));
      T newValue = key.check(function.apply(oldValue), "The update function's result");
      if (newValue == oldValue) {
        return newValue; // nothing changes, so there is nothing to commit or announce
      }
      long version = base.version() + 1;
      Snapshot next = base.with(key, newValue, version);
      Listener[] currentListeners = listeners;
      List<Change<?>> changes =
          currentListeners.length == 0 ? List.of() : List.of(new Change<>(key, oldValue, newValue, version));
      if (commit(current, next, changes, currentListeners)) {
        return newValue;
      }
      // Another writer committed first: recompute from its result, so its update is not lost.
    }
  }

  @Override
  public Snapshot updateAll(Consumer<? super Mutation> mutation) {
    requireNonNull(mutation, "mutation");
    while (true) {
      Node current = root.get();
      BufferedMutation buffer = new BufferedMutation(current.snapshot);
      mutation.accept(buffer);
      buffer.closed = true;
      if (buffer.keys.isEmpty()) {
        return current.snapshot;
      }
      long version = current.snapshot.version() + 1;
      Snapshot next = current.snapshot;
      List<Change<?>> changes = new ArrayList<>(buffer.keys.size());
      for (int i = 0; i < buffer.keys.size(); i++) {
        Key<?> key = buffer.keys.get(i);
        Object oldValue = current.snapshot.get(key);
        Object newValue = buffer.values.get(i);
        if (oldValue != newValue) {
          next = next.with(key, newValue, version);
          changes.add(change(key, oldValue, newValue, version));
        }
      }
      if (next == current.snapshot) {
        return next;
      }
      Listener[] currentListeners = listeners;
      if (commit(current, next, currentListeners.length == 0 ? List.of() : changes, currentListeners)) {
        return next;
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Change<?> change(Key<?> key, Object oldValue, Object newValue, long version) {
    return new Change(key, oldValue, newValue, version);
  }

  @Override
  public Snapshot snapshot() {
    return root.get().snapshot;
  }

  @Override
  public <T> Subscription onChange(Key<T> key, Consumer<? super Change<T>> listener) {
    requireNonNull(key, "key");
    requireNonNull(listener, "listener");
    @SuppressWarnings("unchecked")
    Consumer<Change<?>> untyped = change -> listener.accept((Change<T>) change);
    return addListener(new Listener(key, untyped));
  }

  @Override
  public Subscription onAnyChange(Consumer<? super Change<?>> listener) {
    requireNonNull(listener, "listener");
    return addListener(new Listener(null, listener::accept));
  }

  @Override
  public <T> T awaitUntil(Key<T> key, Predicate<? super T> condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    requireNonNull(key, "key");
    requireNonNull(condition, "condition");
    requireNonNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    Thread self = Thread.currentThread();
    // Register before the first check: a writer CASes the root and then reads "waiters", a waiter
    // writes "waiters" and then reads the root. Both are volatile accesses, so at least one side
    // sees the other and no wake-up is lost; park's permit covers an unpark before the park.
    addWaiter(self);
    try {
      while (true) {
        T value = get(key);
        if (condition.test(value)) {
          return value;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException(
              "Timed out after " + timeout + " waiting for key '" + key.name()
                  + "' to satisfy the condition; its last value was " + value);
        }
        LockSupport.parkNanos(this, left);
        if (Thread.interrupted()) {
          throw new InterruptedException("Interrupted while waiting for key '" + key.name() + "'");
        }
      }
    } finally {
      removeWaiter(self);
    }
  }

  /** Publishes {@code next} if the root is still {@code current}, then wakes waiters and listeners. */
  private boolean commit(Node current, Snapshot next, List<Change<?>> changes, Listener[] currentListeners) {
    boolean notify = currentListeners.length > 0;
    // Link to the predecessor only when someone listens: the chain of nodes is the queue of changes
    // to deliver, in commit order, and without listeners no history is kept at all.
    Node node = new Node(next, changes, notify ? current : null);
    if (!root.compareAndSet(current, node)) {
      return false;
    }
    Thread[] currentWaiters = waiters; // volatile read after the CAS, see awaitUntil
    for (Thread waiter : currentWaiters) {
      LockSupport.unpark(waiter);
    }
    if (notify) {
      deliverPending();
    }
    return true;
  }

  /** Delivers every committed change not yet delivered, oldest first, unless another thread is. */
  private void deliverPending() {
    if (deliveryWork.getAndIncrement() != 0) {
      return; // the thread that holds the drain delivers our change too, in order
    }
    int work = 1;
    while (true) {
      Node newest = root.get();
      ArrayDeque<Node> toDeliver = new ArrayDeque<>();
      for (Node node = newest; node != null && node != lastDelivered; node = node.prev) {
        toDeliver.push(node);
      }
      for (Node node : toDeliver) {
        // Cut the link once walked, so a snapshot held by a user retains no history.
        node.prev = null;
        for (Change<?> change : node.changes) {
          notifyListeners(change);
        }
      }
      lastDelivered = newest;
      work = deliveryWork.addAndGet(-work);
      if (work == 0) {
        return;
      }
    }
  }

  private void notifyListeners(Change<?> change) {
    for (Listener listener : listeners) {
      if (listener.key == null || listener.key == change.key()) {
        try {
          listener.consumer.accept(change);
        } catch (RuntimeException | Error e) {
          LOG.log(Level.WARNING, "A shared-state listener failed on " + change + "; other listeners still run", e);
        }
      }
    }
  }

  private synchronized Subscription addListener(Listener listener) {
    Listener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
    grown[grown.length - 1] = listener;
    listeners = grown;
    return () -> removeListener(listener);
  }

  private synchronized void removeListener(Listener listener) {
    List<Listener> kept = new ArrayList<>(Arrays.asList(listeners));
    kept.remove(listener);
    listeners = kept.toArray(new Listener[0]);
  }

  private synchronized void addWaiter(Thread thread) {
    Thread[] grown = Arrays.copyOf(waiters, waiters.length + 1);
    grown[grown.length - 1] = thread;
    waiters = grown;
  }

  private synchronized void removeWaiter(Thread thread) {
    List<Thread> kept = new ArrayList<>(Arrays.asList(waiters));
    kept.remove(thread);
    waiters = kept.isEmpty() ? NO_WAITERS : kept.toArray(new Thread[0]);
  }

  /** A commit: the state after it, its changes (when someone listened), and its predecessor. */
  private static final class Node {
    final Snapshot snapshot;
    final List<Change<?>> changes;
    // Plain field: written before the CAS that publishes the node, later cleared only by the
    // delivering thread; see deliveryWork for the ordering between drainers.
    Node prev;

    Node(Snapshot snapshot, List<Change<?>> changes, Node prev) {
      this.snapshot = snapshot;
      this.changes = changes;
      this.prev = prev;
    }
  }

  private static final class Listener {
    final Key<?> key; // null = every key
    final Consumer<Change<?>> consumer;

    Listener(Key<?> key, Consumer<Change<?>> consumer) {
      this.key = key;
      this.consumer = consumer;
    }
  }

  /** Collects an updateAll's writes in order; later writes to a key replace earlier ones. */
  private static final class BufferedMutation implements Mutation {
    final Snapshot base;
    final List<Key<?>> keys = new ArrayList<>(4);
    final List<Object> values = new ArrayList<>(4);
    boolean closed;

    BufferedMutation(Snapshot base) {
      this.base = base;
    }

    @Override
    public <T> T get(Key<T> key) {
      requireNonNull(key, "key");
      int index = keys.indexOf(key);
      return index >= 0 ? key.type().cast(values.get(index)) : base.get(key);
    }

    @Override
    public <T> void set(Key<T> key, T value) {
      requireNonNull(key, "key");
      if (closed) {
        throw new IllegalStateException(
            "This mutation is over: set keys inside the updateAll function, not after it returned");
      }
      T checked = key.check(value, "The value");
      int index = keys.indexOf(key);
      if (index >= 0) {
        values.set(index, checked);
      } else {
        keys.add(key);
        values.add(checked);
      }
    }
  }
}
