package dev.patchbay.runtime.state;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable, consistent view of a {@link SharedState}: every value as of one commit, never a mix
 * of before and after one update.
 */
public final class Snapshot {

  // Both arrays are sorted by Key.id and never modified after construction.
  private final Key<?>[] keys;
  private final Object[] values;
  private final long version;

  Snapshot(Key<?>[] keys, Object[] values, long version) {
    this.keys = keys;
    this.values = values;
    this.version = version;
  }

  /**
   * Reads the value of {@code key} in this snapshot.
   *
   * @param key the key
   * @param <T> the value type
   * @return the value, or null if the key was unset
   * @throws NullPointerException if {@code key} is null
   */
  public <T> T get(Key<T> key) {
    requireNonNull(key, "key");
    int index = indexOf(key);
    // The cast is safe: every write went through Key.check.
    return index < 0 ? null : key.type().cast(values[index]);
  }

  /**
   * Reads the value of {@code key}, or {@code defaultValue} if it was unset.
   *
   * @param key the key
   * @param defaultValue what to return for an unset key
   * @param <T> the value type
   * @return the value or the default
   * @throws NullPointerException if {@code key} is null
   */
  public <T> T getOrDefault(Key<T> key, T defaultValue) {
    T value = get(key);
    return value != null ? value : defaultValue;
  }

  /**
   * Tells whether {@code key} had a value.
   *
   * @param key the key
   * @return true if the key was set
   * @throws NullPointerException if {@code key} is null
   */
  public boolean contains(Key<?> key) {
    return indexOf(requireNonNull(key, "key")) >= 0;
  }

  /**
   * How many key writes this snapshot includes: 0 for an empty state, growing with every commit (an
   * {@code updateAll} adds one per key it wrote). Of two snapshots of one state, the later one never
   * has a smaller version, and equal versions mean equal contents.
   *
   * @return the version number
   */
  public long version() {
    return version;
  }

  /**
   * Copies this snapshot into a map, in key creation order.
   *
   * @return an unmodifiable map from key to value
   */
  public Map<Key<?>, Object> asMap() {
    Map<Key<?>, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], values[i]);
    }
    return Collections.unmodifiableMap(map);
  }

  int indexOf(Key<?> key) {
    // Binary search on ids: states hold few keys, and this touches no hash table.
    int low = 0;
    int high = keys.length - 1;
    int id = key.id;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int midId = keys[mid].id;
      if (midId < id) {
        low = mid + 1;
      } else if (midId > id) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Snapshot{version=").append(version);
    for (int i = 0; i < keys.length; i++) {
      text.append(", ").append(keys[i].name()).append('=').append(values[i]);
    }
    return text.append('}').toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Snapshot that
        && Arrays.equals(keys, that.keys)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(keys) + Arrays.hashCode(values);
  }
}
