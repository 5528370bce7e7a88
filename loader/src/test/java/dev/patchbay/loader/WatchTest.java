package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** watch() reloads on its own when the folder changes, and close() stops it. */
final class WatchTest {
  private final Fixtures fixtures = Fixtures.get();
  @TempDir Path folder;
  @TempDir Path staging;

  @Test
  void watch_loadsAJarMovedIn_andUnloadsItWhenDeleted() throws Exception {
    BlockingQueue<PluginEvent> events = new LinkedBlockingQueue<>();
    try (PluginDirectory directory = PluginDirectory.builder(folder).parent(fixtures.parent())
        .listener(events::add).debounce(Duration.ofMillis(50)).open()) {
      directory.watch();
      directory.watch(); // idempotent
      Path staged = Fixtures.copy(fixtures.bye, staging, null);
      Files.move(staged, folder.resolve(staged.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      // Waiting for an event, with a generous bound; nothing here measures time.
      PluginEvent loaded = events.poll(60, TimeUnit.SECONDS);
      assertEquals(PluginEvent.Kind.LOADED, loaded == null ? null : loaded.kind(),
          "no LOADED event");
      assertEquals("bye", loaded.jar().id());

      Files.delete(folder.resolve(staged.getFileName()));
      PluginEvent unloaded = events.poll(60, TimeUnit.SECONDS);
      assertEquals(PluginEvent.Kind.UNLOADED, unloaded == null ? null : unloaded.kind());
    }
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("patchbay-plugin-watch " + folder)),
        "close() stops the watch thread");
  }
}
