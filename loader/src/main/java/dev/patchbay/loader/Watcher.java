package dev.patchbay.loader;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The thread behind {@link PluginDirectory#watch()}: folder events, debounced, then reload. */
final class Watcher implements Runnable {

  private final PluginDirectory directory;
  private final WatchService service;
  private final Debounce debounce;
  private final Thread thread;

  private Watcher(PluginDirectory directory, WatchService service, Duration quiet) {
    this.directory = directory;
    this.service = service;
    this.debounce = new Debounce(quiet.toNanos());
    this.thread = new Thread(this, "patchbay-plugin-watch " + directory.folder());
    // A daemon: a forgotten close() must not keep the JVM alive.
    thread.setDaemon(true);
  }

  static Watcher start(PluginDirectory directory, Path folder, Duration quiet)
      throws IOException {
    WatchService service = FileSystems.getDefault().newWatchService();
    try {
      folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
    Watcher watcher = new Watcher(directory, service, quiet);
    watcher.thread.start();
    return watcher;
  }

  @Override
  public void run() {
    try {
      while (true) {
        WatchKey key = debounce.pending()
            ? service.poll(debounce.remaining(System.nanoTime()), TimeUnit.NANOSECONDS)
            : service.take();
        if (key != null) {
          // Any event (an overflow too) means "look again"; the reload compares files itself.
          key.pollEvents();
          key.reset();
          debounce.event(System.nanoTime());
        }
        if (debounce.pending() && debounce.remaining(System.nanoTime()) == 0) {
          debounce.fired();
          reload();
        }
      }
    } catch (ClosedWatchServiceException | InterruptedException stopped) {
      // close() stops the watcher this way.
    }
  }

  private void reload() {
    try {
      directory.reload();
    } catch (IllegalStateException closed) {
      // The directory closed while the folder was settling.
    } catch (IOException | RuntimeException e) {
      Log.LOG.log(Level.WARNING, "reloading the plugin folder " + directory.folder() + " failed", e);
    }
  }

  /** Stops the thread and waits for it, so no reload runs after close() returns. */
  void stop() {
    try {
      service.close();
    } catch (IOException e) {
      Log.LOG.log(Level.WARNING, "closing the watch service of " + directory.folder() + " failed", e);
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
