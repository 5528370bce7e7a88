package dev.patchbay.runtime.state;

/** A registered listener; closing it stops further notifications. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Removes the listener; a notification already running completes. Idempotent. */
  @Override
  void close();
}
