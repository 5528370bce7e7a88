package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.Registry;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloads add, remove and replace jars; unloading releases the file and the class loader. */
final class ReloadTest {
  private final Fixtures fixtures = Fixtures.get();
  private final ClassLoader parent = fixtures.parent();
  private final List<PluginEvent> events = new CopyOnWriteArrayList<>();
  @TempDir Path folder;

  private PluginDirectory open() throws Exception {
    return PluginDirectory.builder(folder).parent(parent).listener(events::add).open();
  }

  private List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    for (PluginEvent event : events) {
      kinds.add(event.kind() + " " + event.jar().id()
          + event.previous().map(p -> " (was " + p.version() + ")").orElse(""));
    }
    events.clear();
    return kinds;
  }

  @Test
  void reload_addsRemovesAndReplaces_andTheRegistryFollows() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = open()) {
      assertEquals(List.of("LOADED hello"), kinds());
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      assertEquals("hello one", Fixtures.greet(greeters, "hello"));

      ReloadReport nothing = directory.reload();
      assertFalse(nothing.changed());
      assertEquals(List.of(), kinds());

      Fixtures.copy(fixtures.bye, folder, null);
      ReloadReport added = directory.reload();
      assertEquals(new ReloadReport(List.of("bye"), List.of(), List.of(), List.of()), added);
      assertEquals("bye two", Fixtures.greet(greeters, "ciao"), "the same registry sees the new jar");
      assertEquals(List.of("LOADED bye"), kinds());

      // A new version under a new file name: paired with the old one by id.
      Files.delete(folder.resolve("hello-1.0.jar"));
      Fixtures.copy(fixtures.hello2, folder, null);
      ReloadReport replaced = directory.reload();
      assertEquals(new ReloadReport(List.of(), List.of(), List.of("hello"), List.of()), replaced);
      assertEquals("HELLO v2", Fixtures.greet(greeters, "hello"));
      assertEquals(List.of("REPLACED hello (was 1.0)"), kinds());
      assertEquals("2.0", directory.jars().get(1).version());

      Files.delete(folder.resolve("bye-3.1.jar"));
      ReloadReport removed = directory.reload();
      assertEquals(new ReloadReport(List.of(), List.of("bye"), List.of(), List.of()), removed);
      assertFalse(greeters.contains("bye"));
      assertFalse(greeters.contains("ciao"));
      assertEquals(List.of("UNLOADED bye"), kinds());
      assertEquals(List.of("builtin", "hello"), List.copyOf(greeters.names()));
    }
  }

  @Test
  void replaceInPlace_withAnotherVersion_givesTheNewBehaviour() throws Exception {
    Path jar = Fixtures.copy(fixtures.hello1, folder, "hello.jar");
    try (PluginDirectory directory = open()) {
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      Object old = greeters.create("hello");
      Fixtures.copy(fixtures.hello2, folder, "hello.jar");
      assertEquals(List.of("hello"), directory.reload().replaced());
      assertEquals("HELLO v2", Fixtures.greet(greeters, "hello"));
      // The old instance has not loaded lib.Banner yet: it must fail, not take the parent's.
      NoClassDefFoundError stale = assertThrows(NoClassDefFoundError.class,
          () -> ((Supplier<?>) old).get());
      assertTrue(String.valueOf(stale.getCause()).contains("was unloaded"), stale.toString());
      assertFalse(openDescriptors().contains(jar.toRealPath() + " (deleted)"),
          "the old version's file is closed");
    }
  }

  @Test
  void failedReplace_leavesAClearProblem_andUnloadsTheOldVersion() throws Exception {
    Path jar = Fixtures.copy(fixtures.hello1, folder, null);
    Fixtures.copy(fixtures.bye, folder, null);
    try (PluginDirectory directory = open()) {
      kinds();
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      Files.delete(jar);
      Files.writeString(jar, "half a jar, still being copied");
      ReloadReport report = directory.reload();
      assertEquals(new ReloadReport(List.of(), List.of(), List.of(), List.of("hello")), report);
      assertEquals(List.of("FAILED hello (was 1.0)"), kinds());
      PluginJar failed = directory.jars().get(1);
      assertTrue(failed.problem().orElseThrow().startsWith("cannot read " + jar + " as a jar"),
          failed.problem().orElseThrow());
      assertFalse(greeters.contains("hello"));
      assertEquals("bye two", Fixtures.greet(greeters, "bye"));

      // Fixed by the next copy.
      Fixtures.copy(fixtures.hello2, folder, jar.getFileName().toString());
      assertEquals(List.of("hello"), directory.reload().replaced());
      assertEquals("HELLO v2", Fixtures.greet(greeters, "hello"));
    }
  }

  @Test
  void unload_releasesTheFileAndTheClassLoader() throws Exception {
    Path jar = Fixtures.copy(fixtures.bye, folder, null);
    try (PluginDirectory directory = open()) {
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      WeakReference<ClassLoader> loader = createAndDrop(greeters);
      String path = jar.toRealPath().toString();
      assertTrue(openDescriptors().stream().anyMatch(d -> d.startsWith(path)),
          "the loaded jar's file is open: " + openDescriptors());

      Files.delete(jar);
      assertEquals(List.of("bye"), directory.reload().removed());
      assertFalse(Files.exists(jar));
      assertFalse(openDescriptors().stream().anyMatch(d -> d.startsWith(path)),
          "no descriptor of the removed jar stays open: " + openDescriptors());
      assertTrue(collected(loader), "the class loader of an unloaded jar is collected");
      assertThrows(dev.patchbay.UnknownPluginException.class, () -> greeters.create("bye"));
    }
  }

  @Test
  void close_unloadsEverything_andRegistriesRefuseWork() throws Exception {
    Path jar = Fixtures.copy(fixtures.bye, folder, null);
    PluginDirectory directory = open();
    Registry<?> greeters = Fixtures.greeters(directory, parent);
    WeakReference<ClassLoader> loader = createAndDrop(greeters);
    directory.close();
    directory.close();
    String path = jar.toRealPath().toString();
    assertFalse(openDescriptors().stream().anyMatch(d -> d.startsWith(path)));
    assertTrue(collected(loader));
    IllegalStateException e = assertThrows(IllegalStateException.class, greeters::names);
    assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    assertThrows(IllegalStateException.class, directory::reload);
    assertNull(directory.classLoader("bye"));
  }

  /** Creates a plugin and returns a weak reference to its class loader; keeps nothing else. */
  private static WeakReference<ClassLoader> createAndDrop(Registry<?> greeters) {
    Object plugin = greeters.create("bye");
    assertEquals("bye two", ((Supplier<?>) plugin).get());
    return new WeakReference<>(plugin.getClass().getClassLoader());
  }

  /** Asks for garbage collection until {@code reference} clears, a bounded number of times. */
  static boolean collected(WeakReference<?> reference) throws InterruptedException {
    for (int attempt = 0; attempt < 40 && reference.get() != null; attempt++) {
      System.gc();
      Thread.sleep(25); // lets reference processing run; not a timing assertion
    }
    return reference.get() == null;
  }

  /** The targets of this process's open file descriptors (Linux). */
  static List<String> openDescriptors() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds),
        "needs /proc/self/fd (Linux)");
    List<String> targets = new ArrayList<>();
    try (Stream<Path> entries = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) entries::iterator) {
        try {
          targets.add(Files.readSymbolicLink(fd).toString());
        } catch (IOException closedMeanwhile) {
          // the descriptor of the listing itself, or one closed since
        }
      }
    }
    return targets;
  }

  @Test
  void failingListener_isLogged_andTheReloadCompletes() throws Exception {
    // System.Logger goes to java.util.logging here; capture the warnings instead of printing them.
    java.util.logging.Logger jul =
        java.util.logging.Logger.getLogger(PluginDirectory.class.getName());
    List<java.util.logging.LogRecord> records = new CopyOnWriteArrayList<>();
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    java.util.logging.Level level = jul.getLevel();
    boolean parents = jul.getUseParentHandlers();
    jul.setLevel(java.util.logging.Level.WARNING);
    jul.setUseParentHandlers(false);
    jul.addHandler(capture);
    try (PluginDirectory directory = PluginDirectory.builder(folder).parent(parent)
        .listener(event -> {
          throw new IllegalStateException("listener bug");
        }).open()) {
      Fixtures.copy(fixtures.hello1, folder, null);
      Fixtures.copy(fixtures.bye, folder, null);
      assertEquals(List.of("bye", "hello"), directory.reload().added());
      assertEquals("hello one", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
    } finally {
      jul.removeHandler(capture);
      jul.setUseParentHandlers(parents);
      jul.setLevel(level);
    }
    assertEquals(2, records.size(), "one warning per event");
    assertTrue(records.get(0).getMessage().startsWith("the plugin directory listener failed on"
        + " LOADED jar 'bye' 3.1"), records.get(0).getMessage());
  }

  @Test
  void closedDirectory_refusesWatchAndReload() throws Exception {
    PluginDirectory directory = open();
    directory.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, directory::watch);
    assertTrue(e.getMessage().contains(folder + " is closed"), e.getMessage());
  }

  @Test
  void jars_snapshotIsStable_untilReload() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = open()) {
      List<PluginJar> before = directory.jars();
      directory.reload();
      assertSame(before.get(0), directory.jars().get(0), "an unchanged jar is kept as it was");
    }
  }
}
