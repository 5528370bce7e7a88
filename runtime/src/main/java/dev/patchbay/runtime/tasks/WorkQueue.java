package dev.patchbay.runtime.tasks;

import java.time.Duration;

/**
 * A bounded producer/consumer queue whose consumers run on a {@link TaskScheduler}.
 *
 * <p>Producers block in {@link #put} while the queue is full (backpressure). {@link #close()} stops
 * accepting items and waits until the consumers have handled every queued item; no poison pill is
 * needed. An item whose handler throws is reported (log and {@link TaskScheduler.Builder#onFailure})
 * and the consumer goes on with the next item.
 *
 * @param <T> the item type
 */
public interface WorkQueue<T> extends AutoCloseable {

  /**
   * Adds {@code item}, waiting while the queue is full.
   *
   * @param item the item
   * @throws InterruptedException if interrupted while waiting for space
   * @throws IllegalStateException if the queue is closed
   * @throws NullPointerException if {@code item} is null
   */
  void put(T item) throws InterruptedException;

  /**
   * Adds {@code item} if space frees up within {@code timeout}.
   *
   * @param item the item
   * @param timeout the longest time to wait for space
   * @return true if added, false if the queue stayed full
   * @throws InterruptedException if interrupted while waiting for space
   * @throws IllegalStateException if the queue is closed
   * @throws NullPointerException if an argument is null
   */
  boolean offer(T item, Duration timeout) throws InterruptedException;

  /**
   * Counts the items waiting to be handled.
   *
   * @return the number of queued items
   */
  int size();

  /**
   * Counts the items handled so far, successfully or not.
   *
   * @return the number of handled items
   */
  long handled();

  /**
   * Counts the items whose handler threw.
   *
   * @return the number of failed items
   */
  long failed();

  /**
   * Stops accepting items and waits until every queued item is handled and the consumers stopped.
   * If the calling thread is interrupted, stops waiting and keeps the interrupt status set.
   */
  @Override
  void close();
}
