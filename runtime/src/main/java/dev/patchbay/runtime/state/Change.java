package dev.patchbay.runtime.state;

/**
 * One key's change in one commit, as passed to {@link SharedState} listeners.
 *
 * @param key the key that changed
 * @param oldValue the value before the commit, or null if it was unset
 * @param newValue the value after the commit
 * @param version the number of the commit among those delivered to listeners, growing in commit
 *     order; the changes of one {@code updateAll} share it
 * @param <T> the value type
 */
public record Change<T>(Key<T> key, T oldValue, T newValue, long version) {}
