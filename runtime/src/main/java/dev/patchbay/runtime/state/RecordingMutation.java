package dev.patchbay.runtime.state;

import static java.util.Objects.requireNonNull;

import dev.patchbay.runtime.state.Cell.Holder;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One attempt of an updateAll function: remembers the holder of each key at its first read (and
 * keeps answering from it, so the function sees one value per key), and buffers the writes.
 */
final class RecordingMutation implements Mutation {

  private final DefaultSharedState state;
  final IdentityHashMap<Key<?>, Holder> reads = new IdentityHashMap<>(); // keys are canonical
  final Map<Key<?>, Object> writes = new LinkedHashMap<>();
  boolean closed;

  RecordingMutation(DefaultSharedState state) {
    this.state = state;
  }

  @Override
  public <T> T get(Key<T> key) {
    requireNonNull(key, "key");
    if (writes.containsKey(key)) {
      return key.type().cast(writes.get(key));
    }
    return key.type().cast(reads.computeIfAbsent(key, this::readNow).value);
  }

  private Holder readNow(Key<?> key) {
    Cell cell = state.cell(key);
    return cell == null ? Holder.UNSET : Cell.effective(cell.state);
  }

  @Override
  public <T> void set(Key<T> key, T value) {
    requireNonNull(key, "key");
    if (closed) {
      throw new IllegalStateException(
          "This mutation is over: set keys inside the updateAll function, not after it returned");
    }
    writes.put(key, key.check(value, "The value"));
  }

  /** True if no key read by this attempt has changed since. */
  boolean readsStillCurrent() {
    for (Map.Entry<Key<?>, Holder> read : reads.entrySet()) {
      if (readNow(read.getKey()) != read.getValue()) {
        return false;
      }
    }
    return true;
  }
}
