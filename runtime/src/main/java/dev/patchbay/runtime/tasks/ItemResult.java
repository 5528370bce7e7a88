package dev.patchbay.runtime.tasks;

import java.util.NoSuchElementException;

/**
 * The outcome of one item of {@link TaskScheduler#mapBounded}: its value or its failure.
 *
 * @param <T> the item type
 * @param <R> the result type
 */
public final class ItemResult<T, R> {

  private final int index;
  private final T item;
  private final R value;
  private final Throwable error;

  private ItemResult(int index, T item, R value, Throwable error) {
    this.index = index;
    this.item = item;
    this.value = value;
    this.error = error;
  }

  static <T, R> ItemResult<T, R> success(int index, T item, R value) {
    return new ItemResult<>(index, item, value, null);
  }

  static <T, R> ItemResult<T, R> failure(int index, T item, Throwable error) {
    return new ItemResult<>(index, item, null, error);
  }

  /**
   * The item's position in the input.
   *
   * @return the zero-based index
   */
  public int index() {
    return index;
  }

  /**
   * The input item.
   *
   * @return the item this result belongs to
   */
  public T item() {
    return item;
  }

  /**
   * Tells whether the function returned normally for this item.
   *
   * @return true on success, false on failure
   */
  public boolean isSuccess() {
    return error == null;
  }

  /**
   * The function's result for this item.
   *
   * @return the result, which may be null if the function returned null
   * @throws NoSuchElementException if the item failed; its cause is the failure
   */
  public R value() {
    if (error != null) {
      NoSuchElementException noValue =
          new NoSuchElementException("Item " + index + " (" + item + ") failed, so it has no value: " + error);
      noValue.initCause(error);
      throw noValue;
    }
    return value;
  }

  /**
   * The failure for this item: what the function threw, a {@link java.util.concurrent.TimeoutException}
   * or a {@link java.util.concurrent.CancellationException} if it never ran.
   *
   * @return the failure, or null on success
   */
  public Throwable error() {
    return error;
  }

  @Override
  public String toString() {
    return isSuccess() ? "ItemResult[" + index + " ok: " + value + "]" : "ItemResult[" + index + " failed: " + error + "]";
  }
}
