package dev.patchbay.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

final class SharedStateTest {

  private static final Key<Integer> COUNT = Key.of("count", Integer.class);
  private static final Key<String> NAME = Key.of("name", String.class);
  private static final Key<Integer> A = Key.of("a", Integer.class);
  private static final Key<Integer> B = Key.of("b", Integer.class);

  private final SharedState state = SharedState.create();

  @Test
  void key_isCanonical_andBoxesPrimitives() {
    assertSame(COUNT, Key.of("count", Integer.class));
    assertSame(COUNT, Key.of("count", int.class));
    assertFalse(Key.of("count", Long.class).equals(COUNT));
    assertEquals("count:Integer", COUNT.toString());
    assertThrows(IllegalArgumentException.class, () -> Key.of(" ", String.class));
  }

  @Test
  void getSetUpdate_roundTrip() {
    assertNull(state.get(COUNT));
    assertEquals(7, state.getOrDefault(COUNT, 7));
    state.set(COUNT, 1);
    assertEquals(2, state.update(COUNT, n -> n + 1));
    state.set(NAME, "x");
    assertEquals(2, state.get(COUNT));
    assertEquals("x", state.get(NAME));
  }

  @Test
  void nullsAndWrongTypes_areRejectedWithTheKeyName() {
    NullPointerException nullValue = assertThrows(NullPointerException.class, () -> state.set(COUNT, null));
    assertTrue(nullValue.getMessage().contains("'count'"), nullValue.getMessage());
    assertThrows(NullPointerException.class, () -> state.update(COUNT, n -> null));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Key<Object> raw = (Key) COUNT;
    ClassCastException wrongType = assertThrows(ClassCastException.class, () -> state.set(raw, "seven"));
    assertTrue(wrongType.getMessage().contains("java.lang.Integer"), wrongType.getMessage());
    assertNull(state.get(COUNT), "a rejected write changes nothing");
  }

  @Test
  void snapshot_isImmutable_andVersioned() {
    state.set(A, 1);
    Snapshot before = state.snapshot();
    state.updateAll(m -> {
      m.set(A, 2);
      m.set(B, 3);
    });
    Snapshot after = state.snapshot();

    assertEquals(1, before.get(A));
    assertNull(before.get(B));
    assertEquals(2, after.get(A));
    assertEquals(3, after.get(B));
    assertEquals(before.version() + 2, after.version(), "the updateAll wrote two keys");
    assertEquals(List.of(A, B), new ArrayList<>(after.asMap().keySet()));
  }

  @Test
  void updateAll_seesItsOwnWrites_andCommitsNothingWhenUnchanged() {
    state.set(A, 10);
    long version = state.snapshot().version();
    state.updateAll(m -> {
      m.set(A, m.get(A) + 1);
      m.set(A, m.get(A) + 1);
      m.set(B, m.get(A));
    });
    assertEquals(12, state.get(A));
    assertEquals(12, state.get(B));
    assertEquals(version + 2, state.snapshot().version());

    state.updateAll(m -> m.get(A));
    assertEquals(version + 2, state.snapshot().version(), "a read-only updateAll commits nothing");
  }

  @Test
  void mutation_cannotBeUsedAfterTheUpdate() {
    Mutation[] leaked = new Mutation[1];
    state.updateAll(m -> leaked[0] = m);
    assertThrows(IllegalStateException.class, () -> leaked[0].set(A, 1));
  }

  @Test
  void listeners_seeCommittedChanges_perKeyAndAll() {
    List<Change<Integer>> counts = new CopyOnWriteArrayList<>();
    List<Change<?>> all = new CopyOnWriteArrayList<>();
    Subscription countSubscription = state.onChange(COUNT, counts::add);
    state.onAnyChange(all::add);

    state.set(COUNT, 1);
    state.set(NAME, "n");
    state.updateAll(m -> {
      m.set(COUNT, 2);
      m.set(NAME, "m");
    });
    countSubscription.close();
    state.set(COUNT, 3);

    assertEquals(2, counts.size());
    assertEquals(new Change<>(COUNT, 1, 2, 3), counts.get(1));
    assertEquals(5, all.size());
    assertEquals(all.get(2).version(), all.get(3).version(), "changes of one updateAll share a version");
  }

  @Test
  void listener_seesTheStateAlreadyCommitted_andMayWrite() {
    List<String> seen = new CopyOnWriteArrayList<>();
    state.onChange(COUNT, change -> {
      // Runs after the commit and outside any lock: reading and writing from here is fine.
      seen.add(change.newValue() + "=" + state.get(COUNT));
      if (change.newValue() < 3) {
        state.update(COUNT, n -> n + 1);
      }
    });
    state.set(COUNT, 1);
    assertEquals(List.of("1=1", "2=2", "3=3"), seen);
    assertEquals(3, state.get(COUNT));
  }

  @Test
  void updateAll_returnsTheStateItsCommitProduced_evenWhenAWriteFollowsAtOnce() {
    // The history Lincheck found, made deterministic: a listener runs between the transfer's
    // commit and its return, and increments a key the transfer wrote.
    state.onChange(B, change -> {
      if (change.oldValue() == null) {
        state.update(A, n -> n + 2);
      }
    });
    Snapshot transferred = state.updateAll(m -> {
      m.set(A, m.getOrDefault(A, 0) - 3);
      m.set(B, m.getOrDefault(B, 0) + 3);
    });
    assertEquals(-3, transferred.get(A), "the transfer's own result");
    assertEquals(3, transferred.get(B));
    assertEquals(-1, state.get(A), "the increment that followed it");
  }

  @Test
  void throwingListener_isLogged_andOthersStillRun() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    state.onChange(COUNT, change -> {
      throw new IllegalStateException("listener bug");
    });
    state.onChange(COUNT, change -> seen.add(change.newValue()));
    state.set(COUNT, 1);
    state.set(COUNT, 2);
    assertEquals(List.of(1, 2), seen);
  }

  @Test
  void awaitUntil_returnsAtOnceWhenAlreadyTrue_andTimesOutWithAMessage() throws Exception {
    state.set(COUNT, 5);
    assertEquals(5, state.awaitUntil(COUNT, n -> n >= 5, Duration.ZERO));

    TimeoutException timeout =
        assertThrows(TimeoutException.class, () -> state.awaitUntil(COUNT, n -> n > 100, Duration.ofMillis(20)));
    assertTrue(timeout.getMessage().contains("'count'") && timeout.getMessage().contains("5"), timeout.getMessage());
  }

  @Test
  void awaitUntil_wakesOnAnotherThreadsCommit() throws Exception {
    Thread writer =
        new Thread(() -> {
          for (int i = 1; i <= 1000; i++) {
            state.set(COUNT, i);
          }
        });
    writer.start();
    int value = state.awaitUntil(COUNT, n -> n != null && n >= 1000, Duration.ofSeconds(30));
    writer.join();
    assertEquals(1000, value);
  }

  @Test
  void awaitUntil_isInterruptible() {
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> state.awaitUntil(COUNT, n -> false, Duration.ofSeconds(30)));
    assertFalse(Thread.interrupted());
  }
}
