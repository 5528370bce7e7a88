package dev.patchbay.runtime.state;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Thread-safe state shared between threads, read and written through typed {@link Key}s.
 *
 * <pre>{@code
 * Key<Integer> ITEMS = Key.of("items", Integer.class);
 * SharedState state = SharedState.create();
 * state.update(ITEMS, n -> n == null ? 1 : n + 1);
 * state.updateAll(m -> { m.set(A, m.get(A) - 5); m.set(B, m.get(B) + 5); });
 * Snapshot view = state.snapshot();
 * }</pre>
 *
 * <p>Every write is one atomic commit: no update is ever lost under contention, and a {@link
 * #snapshot()} shows the state as of one instant (linearizable: it never shows a write without the
 * writes that completed before it). Each key is a separate compare-and-set cell, so single-key
 * reads and writes never block and writes to different keys never contend; {@code updateAll}
 * briefly holds every key while it commits, so that the snapshot it returns is exactly the state
 * its commit produced. Update functions may run more than once when writers collide,
 * so they must be free of side effects.
 *
 * <p>Values are never null: an unset key reads as null, and writing null is an error.
 *
 * <p>Listeners are notified after the commit, outside any lock, one change at a time in commit
 * order, on a writing thread: the thread that commits delivers its own change and any others still
 * pending. A write may therefore return before its listeners ran when another thread is delivering.
 * A listener sees every change committed after its registration returned; while any listener is
 * registered, writes are ordered through a lock, so listeners cost throughput.
 */
public interface SharedState {

  /**
   * Creates an empty state.
   *
   * @return a new state with no key set
   */
  static SharedState create() {
    return new DefaultSharedState();
  }

  /**
   * Reads the current value of {@code key}.
   *
   * @param key the key
   * @param <T> the value type
   * @return the value, or null if the key is unset
   * @throws NullPointerException if {@code key} is null
   */
  <T> T get(Key<T> key);

  /**
   * Reads the current value of {@code key}, or {@code defaultValue} if it is unset.
   *
   * @param key the key
   * @param defaultValue what to return for an unset key
   * @param <T> the value type
   * @return the value or the default
   * @throws NullPointerException if {@code key} is null
   */
  <T> T getOrDefault(Key<T> key, T defaultValue);

  /**
   * Sets {@code key} to {@code value}.
   *
   * @param key the key
   * @param value the new value
   * @param <T> the value type
   * @throws NullPointerException if an argument is null
   */
  <T> void set(Key<T> key, T value);

  /**
   * Atomically replaces the value of {@code key} by {@code function} of it; no concurrent update is
   * lost.
   *
   * @param key the key
   * @param function maps the current value (null if unset) to the new, non-null value; may run more
   *     than once under contention, so it must not have side effects
   * @param <T> the value type
   * @return the new value
   * @throws NullPointerException if an argument is null, or if {@code function} returns null
   */
  <T> T update(Key<T> key, UnaryOperator<T> function);

  /**
   * Atomically reads and writes several keys: all writes of {@code mutation} commit together, and no
   * snapshot or listener ever sees some of them without the others.
   *
   * @param mutation reads and writes through the given {@link Mutation}; may run more than once under
   *     contention, so it must not have side effects
   * @return the snapshot of the state right after this commit
   * @throws NullPointerException if {@code mutation} is null
   */
  Snapshot updateAll(Consumer<? super Mutation> mutation);

  /**
   * Returns the current state as an immutable, consistent view; never blocks.
   *
   * @return a snapshot as of the latest commit
   */
  Snapshot snapshot();

  /**
   * Calls {@code listener} after each commit that changes {@code key}.
   *
   * @param key the key to watch
   * @param listener called outside any lock, in commit order; an exception it throws is logged
   * @param <T> the value type
   * @return a subscription whose {@code close()} removes the listener
   * @throws NullPointerException if an argument is null
   */
  <T> Subscription onChange(Key<T> key, Consumer<? super Change<T>> listener);

  /**
   * Calls {@code listener} for every key's change of every commit.
   *
   * @param listener called outside any lock, in commit order; an exception it throws is logged
   * @return a subscription whose {@code close()} removes the listener
   * @throws NullPointerException if {@code listener} is null
   */
  Subscription onAnyChange(Consumer<? super Change<?>> listener);

  /**
   * Blocks until the value of {@code key} satisfies {@code condition}, checking now and after every
   * commit.
   *
   * @param key the key to watch
   * @param condition tested with the current value (null if unset)
   * @param timeout the longest time to wait
   * @param <T> the value type
   * @return the first value seen that satisfies the condition
   * @throws InterruptedException if the waiting thread is interrupted
   * @throws TimeoutException if {@code timeout} passes first; the message names the key and its last value
   * @throws NullPointerException if an argument is null
   */
  <T> T awaitUntil(Key<T> key, Predicate<? super T> condition, Duration timeout)
      throws InterruptedException, TimeoutException;
}
