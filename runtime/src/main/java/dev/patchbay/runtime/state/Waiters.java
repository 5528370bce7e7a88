package dev.patchbay.runtime.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** The threads parked in {@link SharedState#awaitUntil}; writers wake them all after each commit. */
final class Waiters {

  private static final Thread[] NONE = new Thread[0];

  // Copy-on-write, replaced under "this": a write reads it once (volatile), which costs nothing
  // when nobody waits.
  private volatile Thread[] threads = NONE;

  void wakeAll() {
    for (Thread thread : threads) {
      LockSupport.unpark(thread);
    }
  }

  synchronized void add(Thread thread) {
    Thread[] grown = Arrays.copyOf(threads, threads.length + 1);
    grown[grown.length - 1] = thread;
    threads = grown;
  }

  synchronized void remove(Thread thread) {
    List<Thread> kept = new ArrayList<>(Arrays.asList(threads));
    kept.remove(thread);
    threads = kept.isEmpty() ? NONE : kept.toArray(new Thread[0]);
  }
}
