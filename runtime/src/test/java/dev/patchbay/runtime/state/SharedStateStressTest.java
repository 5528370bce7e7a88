package dev.patchbay.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Stress runs whose invariants catch lost updates, torn snapshots and out-of-order listeners. Sized
 * to run in well under a second each, on two cores shared with other builds.
 */
final class SharedStateStressTest {

  private static final int THREADS = 4;
  private static final Key<Integer> COUNTER = Key.of("stress.counter", Integer.class);
  private static final Key<Integer> A = Key.of("stress.a", Integer.class);
  private static final Key<Integer> B = Key.of("stress.b", Integer.class);
  private static final Key<Long> FIRST = Key.of("stress.first", Long.class);
  private static final Key<Long> SECOND = Key.of("stress.second", Long.class);

  /** Runs {@code body(threadIndex)} on {@link #THREADS} threads started together; rethrows failures. */
  private static void race(int threads, ThreadBody body) throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread thread =
          new Thread(() -> {
            try {
              go.await();
              body.run(index);
            } catch (Throwable e) {
              failures.add(e);
            }
          });
      thread.start();
      started.add(thread);
    }
    go.countDown();
    for (Thread thread : started) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("a racing thread failed: " + failures.peek(), failures.peek());
      throw error;
    }
  }

  @FunctionalInterface
  private interface ThreadBody {
    void run(int threadIndex) throws Exception;
  }

  @Test
  void concurrentUpdates_loseNothing() throws InterruptedException {
    SharedState state = SharedState.create();
    int perThread = 20_000;
    List<Key<Integer>> own = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      own.add(Key.of("stress.own." + t, Integer.class));
    }
    race(THREADS, t -> {
      for (int i = 0; i < perThread; i++) {
        state.update(COUNTER, n -> n == null ? 1 : n + 1);
        state.update(own.get(t), n -> n == null ? 1 : n + 1);
      }
    });
    assertEquals(THREADS * perThread, state.get(COUNTER));
    int sum = 0;
    for (Key<Integer> key : own) {
      sum += state.get(key);
    }
    assertEquals(THREADS * perThread, sum, "updates of different keys must not overwrite each other");
  }

  @Test
  void updateAll_isNeverSeenHalfDone() throws InterruptedException {
    assertNoTornSnapshots(SharedState.create());
  }

  @Test
  void lockingSnapshotFallback_isNeverTornEither() throws InterruptedException {
    assertNoTornSnapshots(new DefaultSharedState(/* cleanSnapshotAttempts= */ 0));
  }

  @Test
  void updateAll_andSingleKeyUpdates_loseNothingWhenMixed() throws InterruptedException {
    // Two threads add to A one by one while two threads move units from A to B with updateAll.
    // If updateAll committed over an increment it had not read, the total would come out short.
    SharedState state = SharedState.create();
    state.set(A, 0);
    state.set(B, 0);
    int perThread = 10_000;
    race(THREADS, t -> {
      for (int i = 0; i < perThread; i++) {
        if (t % 2 == 0) {
          state.update(A, n -> n + 1);
        } else {
          state.updateAll(m -> {
            int a = m.get(A);
            Thread.yield(); // widen the window in which an increment can slip in
            m.set(A, a - 1);
            m.set(B, m.get(B) + 1);
          });
        }
      }
    });
    Snapshot end = state.snapshot();
    assertEquals(2 * perThread, end.get(A) + end.get(B), end::toString);
    assertEquals(2 * perThread, end.get(B));
  }

  private static void assertNoTornSnapshots(SharedState state) throws InterruptedException {
    state.updateAll(m -> {
      m.set(A, 1000);
      m.set(B, 0);
    });
    AtomicBoolean writing = new AtomicBoolean(true);
    int[] snapshots = new int[1];
    race(THREADS, t -> {
      if (t < THREADS / 2) {
        // Writers move one unit between A and B in both directions; A + B stays 1000.
        for (int i = 0; i < 20_000; i++) {
          int direction = (i + t) % 2 == 0 ? 1 : -1;
          state.updateAll(m -> {
            m.set(A, m.get(A) - direction);
            m.set(B, m.get(B) + direction);
          });
        }
        writing.set(false);
      } else {
        while (writing.get()) {
          Snapshot snapshot = state.snapshot();
          int total = snapshot.get(A) + snapshot.get(B);
          if (total != 1000) {
            throw new AssertionError("torn snapshot: " + snapshot);
          }
          snapshots[0]++;
        }
      }
    });
    assertEquals(1000, state.get(A) + state.get(B));
    assertTrue(snapshots[0] > 0, "the readers took snapshots while writers ran");
  }

  @Test
  void snapshot_isLinearizable_acrossSequentialWrites() throws InterruptedException {
    // One writer sets FIRST = i and then SECOND = i. A snapshot showing SECOND ahead of FIRST would
    // show a state that never existed; per-key storage without a global order allows exactly that.
    SharedState state = SharedState.create();
    state.set(FIRST, 0L);
    state.set(SECOND, 0L);
    AtomicBoolean writing = new AtomicBoolean(true);
    race(THREADS, t -> {
      if (t == 0) {
        for (long i = 1; i <= 50_000; i++) {
          state.set(FIRST, i);
          state.set(SECOND, i);
        }
        writing.set(false);
      } else {
        while (writing.get()) {
          Snapshot snapshot = state.snapshot();
          long first = snapshot.get(FIRST);
          long second = snapshot.get(SECOND);
          if (second > first || first > second + 1) {
            throw new AssertionError("inconsistent snapshot: " + snapshot);
          }
        }
      }
    });
  }

  @Test
  void listeners_receiveEveryChange_inCommitOrder() throws InterruptedException {
    SharedState state = SharedState.create();
    List<Change<Integer>> seen = new ArrayList<>(); // delivery is serialized, so a plain list suffices
    state.onChange(COUNTER, seen::add);
    int perThread = 5_000;
    race(THREADS, t -> {
      for (int i = 0; i < perThread; i++) {
        state.update(COUNTER, n -> n == null ? 1 : n + 1);
      }
    });
    int total = THREADS * perThread;
    assertEquals(total, seen.size());
    for (int i = 0; i < total; i++) {
      Change<Integer> change = seen.get(i);
      // Commit order of increments by one means the values arrive as 1, 2, 3, ... with no gap.
      assertEquals(i + 1, change.newValue(), () -> "change " + change);
      assertEquals(i == 0 ? null : Integer.valueOf(i), change.oldValue());
      if (i > 0) {
        assertTrue(change.version() > seen.get(i - 1).version());
      }
    }
  }
}
