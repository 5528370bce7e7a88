package dev.patchbay.runtime.state;

import static java.util.Objects.requireNonNull;

import dev.patchbay.runtime.state.Cell.Holder;
import dev.patchbay.runtime.state.Cell.Marker;
import dev.patchbay.runtime.state.Cell.Txn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * {@link SharedState} as one padded cell per key, so single-key writes by different threads never
 * touch a common memory location.
 *
 * <ul>
 *   <li><b>Single-key writes</b> are one CAS on the key's cell, installing a new immutable {@link
 *       Holder}; a failed CAS recomputes from the winner's value, so nothing is lost.
 *   <li><b>{@code updateAll}</b> runs the function against the current values, then holds every
 *       cell by CAS-ing a {@link Marker} over its holder (in key-id order). A failed CAS on a key it
 *       read or wrote means another writer got in: the markers are withdrawn and the function
 *       reruns. Once all are held, one volatile write of the transaction status commits every key
 *       at once, and the held holders are the snapshot it returns.
 *       updateAll calls are serialized among themselves by a lock that single-key writers never take.
 *   <li><b>Snapshots</b> read every cell twice; when both passes see the same holders (identity, and
 *       holders are never reused) there was an instant at which all of them were current, so the
 *       view is linearizable, not just free of torn updateAlls. Under a storm of writes that keeps
 *       the passes apart, a fallback briefly holds every cell with markers, which always succeeds.
 *   <li><b>Listeners</b> need a total order of commits, which per-key cells do not have, so while
 *       any listener is registered, writes commit under a notification lock and queue their changes
 *       there; delivery happens after the lock is released.
 * </ul>
 */
final class DefaultSharedState implements SharedState {

  static final int CLEAN_SNAPSHOT_ATTEMPTS = 16;

  // How many double collects a snapshot tries before it locks; tests set 0 to exercise the fallback.
  private final int cleanSnapshotAttempts;

  // Both copy-on-write and replaced under "this". byId is indexed by Key.id for a lookup without
  // hashing; present lists the cells sorted by key id, for snapshots. A new cell is published in
  // present before byId, so every cell a writer can reach is one a snapshot reads.
  private volatile Cell[] byId = new Cell[0];
  private volatile Cell[] present = new Cell[0];

  private final ReentrantLock transactionLock = new ReentrantLock();

  private final ChangeNotifier notifier = new ChangeNotifier();
  private final Waiters waiters = new Waiters();

  // Where awaitUntil reads the time: System::nanoTime, or a test's ticker.
  private final LongSupplier nanoTime;

  DefaultSharedState() {
    this(CLEAN_SNAPSHOT_ATTEMPTS, System::nanoTime);
  }

  DefaultSharedState(int cleanSnapshotAttempts) {
    this(cleanSnapshotAttempts, System::nanoTime);
  }

  DefaultSharedState(int cleanSnapshotAttempts, LongSupplier nanoTime) {
    this.cleanSnapshotAttempts = cleanSnapshotAttempts;
    this.nanoTime = nanoTime;
  }

  @Override
  public <T> T get(Key<T> key) {
    requireNonNull(key, "key");
    Cell cell = cell(key);
    return cell == null ? null : key.type().cast(Cell.effective(cell.state).value);
  }

  @Override
  public <T> T getOrDefault(Key<T> key, T defaultValue) {
    T value = get(key);
    return value != null ? value : defaultValue;
  }

  @Override
  public <T> void set(Key<T> key, T value) {
    requireNonNull(key, "key");
    T checked = key.check(value, "The value");
    update(key, new Constant<>(checked));
  }

  @Override
  public <T> T update(Key<T> key, UnaryOperator<T> function) {
    requireNonNull(key, "key");
    requireNonNull(function, "function");
    Cell cell = cellForWrite(key);
    if (notifier.hasListeners()) {
      return updateAndNotify(cell, key, function);
    }
    Class<T> type = key.type();
    int spins = 0;
    int backoff = 0;
    Object state = cell.state;
    while (true) {
      if (state instanceof Marker marker) {
        settle(cell, marker, spins++);
        state = cell.state;
        continue;
      }
      Holder current = (Holder) state;
      T oldValue = type.cast(current.value);
      T newValue = key.check(function.apply(oldValue), "The update function's result");
      if (newValue == oldValue) {
        return newValue; // nothing to commit
      }
      // The only shared write of a single-key update: one CAS on this key's own padded cell. No
      // global counter or lock is touched, so writers of different keys never contend.
      if (cell.cas(current, new Holder(newValue, current.writes + 1))) {
        wakeWaiters();
        return newValue;
      }
      // Another writer won: back off before retrying, so the winner keeps this key's cache line
      // for its next updates instead of both threads pulling it back and forth once per attempt
      // (on one hot key that ping-pong, not the work, bounds the rate). Then recompute from the
      // current value, so the winner's update is not lost.
      backoff = contentionBackOff(backoff);
      state = cell.state;
    }
  }

  /**
   * Spins {@code backoff} times (at least once), and returns the next, doubled, bound. At most
   * {@link #MAX_BACKOFF_SPINS} pause instructions, a few microseconds, less than parking a thread.
   * What it gains with two threads on one key is in the shared-state table of docs/benchmarks.md.
   */
  private static int contentionBackOff(int backoff) {
    int spins = Math.max(1, backoff);
    for (int i = 0; i < spins; i++) {
      Thread.onSpinWait();
    }
    return Math.min(spins * 2, MAX_BACKOFF_SPINS);
  }

  /** Upper bound of {@link #contentionBackOff}: 64 pause instructions. */
  private static final int MAX_BACKOFF_SPINS = 64;

  /** The single-key write while someone listens: committed and queued under the notification lock. */
  private <T> T updateAndNotify(Cell cell, Key<T> key, UnaryOperator<T> function) {
    T newValue;
    notifier.lock.lock();
    try {
      int spins = 0;
      while (true) {
        Object state = cell.state;
        if (state instanceof Marker marker) {
          // An updateAll that holds markers does not need this lock to finish, so waiting is safe.
          settle(cell, marker, spins++);
          continue;
        }
        Holder current = (Holder) state;
        T oldValue = key.type().cast(current.value);
        newValue = key.check(function.apply(oldValue), "The update function's result");
        if (newValue == oldValue) {
          return newValue;
        }
        if (cell.cas(current, new Holder(newValue, current.writes + 1))) {
          notifier.enqueue(List.of(new Change<>(key, oldValue, newValue, notifier.nextCommitNumber())));
          break;
        }
      }
    } finally {
      notifier.lock.unlock();
    }
    wakeWaiters();
    notifier.deliverPending();
    return newValue;
  }

  @Override
  public Snapshot updateAll(Consumer<? super Mutation> mutation) {
    requireNonNull(mutation, "mutation");
    boolean notify;
    Snapshot committed = null;
    transactionLock.lock();
    try {
      while (true) {
        notify = notifier.hasListeners();
        RecordingMutation attempt = new RecordingMutation(this);
        try {
          mutation.accept(attempt);
        } catch (RuntimeException | Error e) {
          attempt.closed = true;
          if (attempt.readsStillCurrent()) {
            throw e; // a real failure of the function, not a symptom of reading mid-change
          }
          continue;
        }
        attempt.closed = true;
        if (attempt.writes.isEmpty()) {
          break;
        }
        committed = tryCommit(attempt, notify);
        if (committed != null) {
          break;
        }
      }
    } finally {
      transactionLock.unlock();
    }
    wakeWaiters();
    if (notify) {
      notifier.deliverPending();
    }
    // A mutation that wrote nothing committed nothing: any current view is "right after" it.
    return committed != null ? committed : snapshot();
  }

  /**
   * Holds every cell, checks the attempt's reads, then commits and returns the state as of the
   * commit; null if another writer got in to a key the attempt read or wrote.
   *
   * <p>Every cell, not only the attempt's own: the returned snapshot shows the other keys as of the
   * commit instant too, so no write that lands after the commit may show up in it. Markers on
   * untouched keys have the same holder before and after, so readers never wait for them;
   * single-key writers wait a few compare-and-sets.
   */
  private Snapshot tryCommit(RecordingMutation attempt, boolean notify) {
    for (Key<?> key : attempt.reads.keySet()) {
      cellForWrite(key);
    }
    for (Key<?> key : attempt.writes.keySet()) {
      cellForWrite(key);
    }
    Txn txn = new Txn();
    // Same order as lockedSnapshot: the transaction lock (held by the caller), then "this", so no
    // new key appears between reading "present" and the commit.
    synchronized (this) {
      Cell[] cells = present;
      Marker[] markers = new Marker[cells.length];
      if (notify) {
        // Taken before any marker goes in, so a notifying writer never waits on our markers while
        // holding the lock we need.
        notifier.lock.lock();
      }
      try {
        int spins = 0;
        for (int i = 0; i < cells.length; i++) {
          Cell cell = cells[i];
          Object state = cell.state;
          while (state instanceof Marker stale) {
            // Only a finished transaction can have left a marker (we hold the transaction lock).
            cell.cas(stale, Cell.effective(stale));
            state = cell.state;
          }
          Holder current = (Holder) state;
          Holder read = attempt.reads.get(cell.key);
          boolean written = attempt.writes.containsKey(cell.key);
          Holder after =
              written ? new Holder(attempt.writes.get(cell.key), current.writes + 1) : current;
          Marker marker = new Marker(txn, current, after);
          boolean touched = read != null || written;
          if (read != null && read != current) {
            abort(txn, cells, markers, i);
            return null;
          }
          if (!cell.cas(current, marker)) {
            if (touched) {
              abort(txn, cells, markers, i);
              return null;
            }
            i--; // a single-key writer of a key we only hold for the snapshot: read it again
            backOff(spins++);
            continue;
          }
          markers[i] = marker;
        }
        // The commit point: from this volatile write on, every reader resolves every marker to "after".
        txn.status = Txn.COMMITTED;
        if (notify) {
          long number = notifier.nextCommitNumber();
          List<Change<?>> changes = new ArrayList<>(attempt.writes.size());
          for (int i = 0; i < cells.length; i++) {
            Key<?> key = cells[i].key;
            if (attempt.writes.containsKey(key)) {
              Object oldValue = markers[i].before.value;
              Object newValue = markers[i].after.value;
              if (oldValue != newValue) {
                changes.add(change(key, oldValue, newValue, number));
              }
            }
          }
          notifier.enqueue(changes);
        }
      } finally {
        if (notify) {
          notifier.lock.unlock();
        }
      }
      // Replace the markers by plain holders; a writer that met one may already have done it.
      Holder[] holders = new Holder[cells.length];
      for (int i = 0; i < cells.length; i++) {
        holders[i] = markers[i].after;
        cells[i].cas(markers[i], markers[i].after);
      }
      return toSnapshot(cells, holders);
    }
  }

  /** Withdraws the first {@code count} markers of an attempt that lost to another writer. */
  private static void abort(Txn txn, Cell[] cells, Marker[] markers, int count) {
    txn.status = Txn.ABORTED;
    for (int i = 0; i < count; i++) {
      cells[i].cas(markers[i], markers[i].before);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Change<?> change(Key<?> key, Object oldValue, Object newValue, long number) {
    return new Change(key, oldValue, newValue, number);
  }

  @Override
  public Snapshot snapshot() {
    for (int attempt = 0; attempt < cleanSnapshotAttempts; attempt++) {
      Cell[] cells = present;
      Holder[] first = collect(cells);
      Holder[] second = collect(cells);
      if (present == cells && Arrays.equals(first, second)) { // Holder has identity equality
        return toSnapshot(cells, second);
      }
    }
    return lockedSnapshot();
  }

  private static Holder[] collect(Cell[] cells) {
    Holder[] holders = new Holder[cells.length];
    for (int i = 0; i < cells.length; i++) {
      holders[i] = Cell.effective(cells[i].state);
    }
    return holders;
  }

  /** The fallback: holds every cell, so no write can slip between the reads. */
  private Snapshot lockedSnapshot() {
    transactionLock.lock();
    try {
      synchronized (this) { // no new key appears meanwhile
        Cell[] cells = present;
        Txn txn = new Txn();
        Marker[] markers = new Marker[cells.length];
        int spins = 0;
        for (int i = 0; i < cells.length; i++) {
          Object state = cells[i].state;
          if (state instanceof Marker stale) {
            cells[i].cas(stale, Cell.effective(stale));
            i--;
            continue;
          }
          Marker marker = new Marker(txn, (Holder) state, (Holder) state);
          if (cells[i].cas(state, marker)) {
            markers[i] = marker;
          } else {
            i--; // a single-key writer got in first; read the cell again
            backOff(spins++);
          }
        }
        Holder[] holders = new Holder[cells.length];
        for (int i = 0; i < cells.length; i++) {
          holders[i] = markers[i].before;
        }
        txn.status = Txn.ABORTED;
        for (int i = 0; i < cells.length; i++) {
          cells[i].cas(markers[i], markers[i].before);
        }
        return toSnapshot(cells, holders);
      }
    } finally {
      transactionLock.unlock();
    }
  }

  private static Snapshot toSnapshot(Cell[] cells, Holder[] holders) {
    int count = 0;
    for (Holder holder : holders) {
      if (holder.writes > 0) {
        count++;
      }
    }
    Key<?>[] keys = new Key<?>[count];
    Object[] values = new Object[count];
    long version = 0;
    int next = 0;
    for (int i = 0; i < cells.length; i++) {
      if (holders[i].writes > 0) {
        keys[next] = cells[i].key;
        values[next++] = holders[i].value;
        version += holders[i].writes;
      }
    }
    return new Snapshot(keys, values, version);
  }

  @Override
  public <T> Subscription onChange(Key<T> key, Consumer<? super Change<T>> listener) {
    requireNonNull(key, "key");
    requireNonNull(listener, "listener");
    @SuppressWarnings("unchecked")
    Consumer<Change<?>> untyped = change -> listener.accept((Change<T>) change);
    return notifier.add(key, untyped);
  }

  @Override
  public Subscription onAnyChange(Consumer<? super Change<?>> listener) {
    requireNonNull(listener, "listener");
    return notifier.add(null, listener::accept);
  }

  @Override
  public <T> T awaitUntil(Key<T> key, Predicate<? super T> condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    requireNonNull(key, "key");
    requireNonNull(condition, "condition");
    requireNonNull(timeout, "timeout");
    long deadline = nanoTime.getAsLong() + timeout.toNanos();
    Thread self = Thread.currentThread();
    // Register before the first check: a writer CASes its cell and then reads "waiters", a waiter
    // writes "waiters" and then reads the cell. All four are volatile accesses, so at least one side
    // sees the other and no wake-up is lost; park's permit covers an unpark that comes before park.
    waiters.add(self);
    try {
      while (true) {
        T value = get(key);
        if (condition.test(value)) {
          return value;
        }
        long left = deadline - nanoTime.getAsLong();
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
      waiters.remove(self);
    }
  }

  // ---- cells ----

  /** The cell of {@code key}, or null if it was never written. */
  Cell cell(Key<?> key) {
    Cell[] cells = byId;
    int id = key.id;
    return id < cells.length ? cells[id] : null;
  }

  private Cell cellForWrite(Key<?> key) {
    Cell cell = cell(key);
    return cell != null ? cell : createCell(key);
  }

  private synchronized Cell createCell(Key<?> key) {
    Cell[] cells = byId;
    int id = key.id;
    if (id < cells.length && cells[id] != null) {
      return cells[id];
    }
    Cell cell = new Cell(key);
    Cell[] sorted = Arrays.copyOf(present, present.length + 1);
    int at = sorted.length - 1;
    while (at > 0 && sorted[at - 1].key.id > id) {
      sorted[at] = sorted[at - 1];
      at--;
    }
    sorted[at] = cell;
    present = sorted; // first: see the field comment
    Cell[] grown = id < cells.length ? cells.clone() : Arrays.copyOf(cells, Math.max(id + 1, cells.length + cells.length / 2));
    grown[id] = cell;
    byId = grown;
    return cell;
  }

  /** Waits for a marker's transaction, or cleans up after a finished one. */
  private static void settle(Cell cell, Marker marker, int spins) {
    if (marker.txn.status != Txn.ACTIVE) {
      cell.cas(marker, Cell.effective(marker));
    } else {
      backOff(spins);
    }
  }

  // Yielding after a short spin is the point: the marker's holder needs the CPU to finish.
  @SuppressWarnings("ThreadPriorityCheck")
  private static void backOff(int spins) {
    // Markers are held for a few CASes only; spin briefly, then let the holder's thread run.
    if (spins < 64) {
      Thread.onSpinWait();
    } else {
      Thread.yield();
    }
  }

  /** The function of {@code set}: a small class, so a set allocates no capturing lambda. */
  private static final class Constant<T> implements UnaryOperator<T> {
    private final T value;

    Constant(T value) {
      this.value = value;
    }

    @Override
    public T apply(T ignored) {
      return value;
    }
  }

  private void wakeWaiters() {
    waiters.wakeAll(); // a volatile read after the commit, see awaitUntil
  }

}
