package dev.patchbay.runtime.tasks;

import java.util.ArrayDeque;

/**
 * The sequential meaning of the operations in {@link WorkQueueLincheckTest}: a FIFO list of at most
 * {@link #CAPACITY} items that refuses new items once closed and can still be drained.
 */
public class WorkQueueModel {

  /** Lincheck creates one instance per scenario run. */
  public WorkQueueModel() {}

  static final int CAPACITY = 2;
  static final String CLOSED = "closed";

  private final ArrayDeque<Integer> items = new ArrayDeque<>();
  private boolean closed;

  /** A full queue that is open refuses at once; a closed one refuses with an error. */
  public Object offer(int item) {
    if (closed) {
      return CLOSED;
    }
    if (items.size() >= CAPACITY) {
      return false;
    }
    items.add(item);
    return true;
  }

  public Integer poll() {
    return items.poll();
  }

  public int size() {
    return items.size();
  }

  public void close() {
    closed = true;
  }
}
