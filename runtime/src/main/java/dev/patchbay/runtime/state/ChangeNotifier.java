package dev.patchbay.runtime.state;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The listeners of one {@link SharedState}, and the queue that delivers its changes in commit order.
 *
 * <p>Writers that commit while listeners exist hold {@link #lock} around the commit and {@link
 * #enqueue} there, so queue order is commit order; they call {@link #deliverPending()} after
 * releasing every lock. Delivery is done by one thread at a time: a writer that finds another
 * thread delivering leaves its changes to it.
 */
final class ChangeNotifier {

  private static final System.Logger LOG = System.getLogger(SharedState.class.getName());

  /** Orders the commits of notifying writers; never held while listeners run. */
  final ReentrantLock lock = new ReentrantLock();

  // Copy-on-write, replaced under "this"; writers read it once per write to pick their path.
  private volatile Listener[] listeners = new Listener[0];

  private final ArrayDeque<List<Change<?>>> pending = new ArrayDeque<>(); // guarded by lock
  private boolean delivering; // guarded by lock
  private long commitNumber; // guarded by lock

  boolean hasListeners() {
    return listeners.length > 0;
  }

  /** Numbers the next commit; call under {@link #lock}. */
  long nextCommitNumber() {
    return ++commitNumber;
  }

  /** Queues one commit's changes; call under {@link #lock}, right after the commit. */
  void enqueue(List<Change<?>> changes) {
    pending.add(changes);
  }

  /** Delivers queued changes in commit order, outside every lock, unless another thread is. */
  void deliverPending() {
    List<List<Change<?>>> batch = new ArrayList<>();
    lock.lock();
    try {
      if (delivering || pending.isEmpty()) {
        return; // the delivering thread will pick ours up, in order
      }
      delivering = true;
      batch.addAll(pending);
      pending.clear();
    } finally {
      lock.unlock();
    }
    while (true) {
      for (List<Change<?>> changes : batch) {
        for (Change<?> change : changes) {
          notifyListeners(change);
        }
      }
      batch.clear();
      lock.lock();
      try {
        if (pending.isEmpty()) {
          delivering = false;
          return;
        }
        batch.addAll(pending);
        pending.clear();
      } finally {
        lock.unlock();
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

  /** Adds a listener for {@code key}, or for every key when {@code key} is null. */
  synchronized Subscription add(Key<?> key, Consumer<Change<?>> consumer) {
    Listener listener = new Listener(key, consumer);
    Listener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
    grown[grown.length - 1] = listener;
    listeners = grown;
    return () -> remove(listener);
  }

  private synchronized void remove(Listener listener) {
    List<Listener> kept = new ArrayList<>(Arrays.asList(listeners));
    kept.remove(listener);
    listeners = kept.toArray(new Listener[0]);
  }

  private static final class Listener {
    final Key<?> key; // null = every key
    final Consumer<Change<?>> consumer;

    Listener(Key<?> key, Consumer<Change<?>> consumer) {
      this.key = key;
      this.consumer = consumer;
    }
  }
}
