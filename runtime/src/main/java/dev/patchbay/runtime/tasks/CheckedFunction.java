package dev.patchbay.runtime.tasks;

/**
 * A function that may throw any exception; used to map items in {@link TaskScheduler#mapBounded}.
 *
 * @param <T> the input type
 * @param <R> the result type
 */
@FunctionalInterface
public interface CheckedFunction<T, R> {

  /**
   * Applies the function.
   *
   * @param input the input
   * @return the result
   * @throws Exception if the function fails; recorded as this item's failure
   */
  R apply(T input) throws Exception;
}
