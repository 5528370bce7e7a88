package dev.patchbay.runtime.tasks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the scheduler's thread pools. */
final class Pools {

  // Looked up once per JVM. A method handle instead of a direct call keeps the jar compilable with
  // --release 17, where the method does not exist; the call through invokeExact costs nothing after
  // the first time and happens once per scheduler anyway.
  private static final MethodHandle NEW_VIRTUAL_THREAD_EXECUTOR = findVirtualThreadExecutor();

  private Pools() {}

  /** A virtual-thread-per-task executor, or null when the JVM has no virtual threads. */
  static ExecutorService virtualThreadsOrNull() {
    if (NEW_VIRTUAL_THREAD_EXECUTOR == null) {
      return null;
    }
    try {
      return (ExecutorService) NEW_VIRTUAL_THREAD_EXECUTOR.invokeExact();
    } catch (UnsupportedOperationException e) {
      return null; // Java 19/20 without --enable-preview: the method exists but refuses
    } catch (Throwable e) {
      return null;
    }
  }

  /** A pool of {@code threads} daemon platform threads that time out when idle. */
  static ThreadPoolExecutor platform(String prefix, int threads) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads(prefix));
    // Idle I/O threads go away, so a scheduler nobody uses costs no threads.
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static MethodHandle findVirtualThreadExecutor() {
    try {
      return MethodHandles.publicLookup()
          .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null; // Java 17-18
    }
  }
}
