package dev.patchbay.runtime.tasks;

/**
 * A consumer that may throw any exception; handles the items of a {@link WorkQueue}.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface CheckedConsumer<T> {

  /**
   * Handles one item.
   *
   * @param item the item
   * @throws Exception if handling fails; the failure is reported and the next item is handled
   */
  void accept(T item) throws Exception;
}
