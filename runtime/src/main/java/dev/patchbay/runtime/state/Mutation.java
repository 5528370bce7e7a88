package dev.patchbay.runtime.state;

/**
 * The view an {@link SharedState#updateAll} function works on: reads see the state as of the start
 * of the update plus this mutation's own writes, and all writes commit together or not at all.
 *
 * <p>Valid only during the call to the update function.
 */
public interface Mutation {

  /**
   * Reads {@code key}, seeing this mutation's earlier writes.
   *
   * @param key the key
   * @param <T> the value type
   * @return the value, or null if unset
   * @throws NullPointerException if {@code key} is null
   */
  <T> T get(Key<T> key);

  /**
   * Reads {@code key}, or {@code defaultValue} if it is unset.
   *
   * @param key the key
   * @param defaultValue what to return for an unset key
   * @param <T> the value type
   * @return the value or the default
   * @throws NullPointerException if {@code key} is null
   */
  default <T> T getOrDefault(Key<T> key, T defaultValue) {
    T value = get(key);
    return value != null ? value : defaultValue;
  }

  /**
   * Writes {@code value} under {@code key}, committed when the update function returns.
   *
   * @param key the key
   * @param value the new value
   * @param <T> the value type
   * @throws NullPointerException if an argument is null
   * @throws ClassCastException if {@code value} is not of the key's type (possible only through raw types)
   */
  <T> void set(Key<T> key, T value);
}
