package dev.patchbay.benchmarks.state;

import dev.patchbay.runtime.state.Key;
import dev.patchbay.runtime.state.SharedState;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Two threads updating shared counters: {@link SharedState#update} against a {@link HashMap}
 * guarded by one lock (the textbook approach) and {@link ConcurrentHashMap#compute}.
 *
 * <p>"Own key": each thread increments its own key, as two workers updating their own counters
 * in one shared state do. "Same key": both threads increment one key, the worst case for every
 * approach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(2)
public class SharedStateContention {
  private static final Key<Long> SHARED = Key.of("bench.shared", Long.class);

  private final SharedState state = SharedState.create();
  private final Object lock = new Object();
  private final Map<String, Long> lockedMap = new HashMap<>();
  private final ConcurrentHashMap<String, Long> concurrentMap = new ConcurrentHashMap<>();
  private final AtomicInteger nextThread = new AtomicInteger();
  private final AtomicLong sharedCounter = new AtomicLong();
  private final AtomicReference<Long> sharedReference = new AtomicReference<>(0L);

  /** Which key a benchmark thread owns. */
  @State(Scope.Thread)
  public static class Worker {
    Key<Long> key;
    String name;
    /** This thread's own counter, allocated by this thread (so on its own cache line). */
    AtomicLong counter;

    /**
     * Gives this thread its own key, alternating between the two.
     *
     * @param bench the shared state object
     */
    @Setup
    public void claim(SharedStateContention bench) {
      int id = bench.nextThread.getAndIncrement() % 2;
      name = "bench.worker." + id;
      key = Key.of(name, Long.class);
      counter = new AtomicLong();
    }
  }

  /** Sets every counter to zero. */
  @Setup
  public void reset() {
    for (String name : new String[] {"bench.worker.0", "bench.worker.1", "bench.shared"}) {
      state.set(Key.of(name, Long.class), 0L);
      lockedMap.put(name, 0L);
      concurrentMap.put(name, 0L);
    }
  }

  /**
   * SharedState, each thread its own key.
   *
   * @param w this thread's key
   * @return the new value
   */
  @Benchmark
  public Long sharedStateOwnKey(Worker w) {
    return state.update(w.key, v -> v + 1);
  }

  /**
   * One lock around a HashMap, each thread its own key.
   *
   * @param w this thread's key
   * @return the new value
   */
  @Benchmark
  public Long lockedMapOwnKey(Worker w) {
    synchronized (lock) {
      Long next = lockedMap.get(w.name) + 1;
      lockedMap.put(w.name, next);
      return next;
    }
  }

  /**
   * ConcurrentHashMap.compute, each thread its own key.
   *
   * @param w this thread's key
   * @return the new value
   */
  @Benchmark
  public Long concurrentMapOwnKey(Worker w) {
    return concurrentMap.compute(w.name, (k, v) -> v + 1);
  }

  /**
   * SharedState, both threads one key.
   *
   * @return the new value
   */
  @Benchmark
  public Long sharedStateSameKey() {
    return state.update(SHARED, v -> v + 1);
  }

  /**
   * One lock around a HashMap, both threads one key.
   *
   * @return the new value
   */
  @Benchmark
  public Long lockedMapSameKey() {
    synchronized (lock) {
      Long next = lockedMap.get("bench.shared") + 1;
      lockedMap.put("bench.shared", next);
      return next;
    }
  }

  /**
   * SharedState updated by one thread alone: the ceiling for any same-key rate, since updates of
   * one key are serialised whoever makes them.
   *
   * @return the new value
   */
  @Benchmark
  @Threads(1)
  public Long sharedStateAlone() {
    return state.update(SHARED, v -> v + 1);
  }

  /**
   * The locked map updated by one thread alone, for the same comparison.
   *
   * @return the new value
   */
  @Benchmark
  @Threads(1)
  public Long lockedMapAlone() {
    synchronized (lock) {
      Long next = lockedMap.get("bench.shared") + 1;
      lockedMap.put("bench.shared", next);
      return next;
    }
  }

  /**
   * ConcurrentHashMap.compute, both threads one key.
   *
   * @return the new value
   */
  @Benchmark
  public Long concurrentMapSameKey() {
    return concurrentMap.compute("bench.shared", (k, v) -> v + 1);
  }

  /**
   * A bare {@link AtomicLong#incrementAndGet} on one counter from both threads: the hardware's
   * ceiling for any CAS- or lock-based same-key update, which must at least move that cache line.
   *
   * @return the new value
   */
  @Benchmark
  public long atomicLongSameKey() {
    return sharedCounter.incrementAndGet();
  }

  /**
   * A bare {@link AtomicLong#incrementAndGet}, each thread on its own counter: how much the two
   * threads run in parallel on this machine at all (twice the one-thread rate when they do).
   *
   * @param w this thread's counter
   * @return the new value
   */
  @Benchmark
  public long atomicLongOwnKey(Worker w) {
    return w.counter.incrementAndGet();
  }

  /**
   * {@link AtomicReference#updateAndGet} with a function on one boxed {@code Long} from both
   * threads: a plain compare-and-set retry loop without back-off, for comparison with
   * {@code SharedState.update}, which backs off after a lost race.
   *
   * @return the new value
   */
  @Benchmark
  public Long atomicReferenceSameKey() {
    return sharedReference.updateAndGet(v -> v + 1);
  }

  /**
   * The same bare increment from one thread alone, for the same comparison.
   *
   * @return the new value
   */
  @Benchmark
  @Threads(1)
  public long atomicLongAlone() {
    return sharedCounter.incrementAndGet();
  }
}
