package dev.patchbay.runtime.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The storage of one key in one {@link DefaultSharedState}: a {@link Holder}, or a {@link Marker}
 * while an {@code updateAll} or a fallback snapshot holds the key.
 *
 * <p>Padded on both sides (superclass fields are laid out first) so that two keys written by two
 * threads never share a cache line.
 */
final class Cell extends CellPadAfter {

  final Key<?> key;

  Cell(Key<?> key) {
    this.key = key;
    this.state = Holder.UNSET;
  }

  boolean cas(Object expected, Object replacement) {
    // Volatile semantics: the CAS that installs a holder publishes its fields to every reader.
    return STATE.compareAndSet(this, expected, replacement);
  }

  /** The holder a reader sees now: a marker resolves through its transaction's status. */
  static Holder effective(Object state) {
    if (state instanceof Holder holder) {
      return holder;
    }
    Marker marker = (Marker) state;
    return marker.txn.status == Txn.COMMITTED ? marker.after : marker.before;
  }

  /** An immutable value of a key; a new one per write, so identity tells writes apart. */
  static final class Holder {
    static final Holder UNSET = new Holder(null, 0);

    final Object value; // null only for UNSET
    final long writes; // how many commits wrote this key, this one included

    Holder(Object value, long writes) {
      this.value = value;
      this.writes = writes;
    }
  }

  /** A multi-key commit in progress; its single status write is the commit point of all its keys. */
  static final class Txn {
    static final int ACTIVE = 0;
    static final int COMMITTED = 1;
    static final int ABORTED = 2;

    volatile int status = ACTIVE;
  }

  /** Stands in a cell while a transaction holds it; readers resolve it, writers wait for it. */
  static final class Marker {
    final Txn txn;
    final Holder before;
    final Holder after;

    Marker(Txn txn, Holder before, Holder after) {
      this.txn = txn;
      this.before = before;
      this.after = after;
    }
  }
}

/** Padding before the hot field. */
abstract class CellPadBefore {
  long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** The hot field. */
abstract class CellValue extends CellPadBefore {
  static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(CellValue.class, "state", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  volatile Object state;
}

/** Padding after the hot field. */
abstract class CellPadAfter extends CellValue {
  long p10, p11, p12, p13, p14, p15, p16, p17;
}
