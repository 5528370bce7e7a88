package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.Registry;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent listing cache: later opens list unchanged jars without opening them (seen in
 * {@code /proc/self/fd}: a jar read by an open keeps its file open until first use, a jar listed
 * from the cache does not), changed jars are read again, a jar rewritten in place is caught at
 * first use, and a bad cache file only costs the speed.
 */
final class ListingCacheTest {
  private final Fixtures fixtures = Fixtures.get();
  private final ClassLoader parent = fixtures.parent();
  private final List<PluginEvent> events = new CopyOnWriteArrayList<>();
  @TempDir Path temp;

  private Path folder() throws Exception {
    return Files.createDirectories(temp.resolve("plugins"));
  }

  private Path cacheFile() {
    return temp.resolve("state/listings.tsv");
  }

  private PluginDirectory open() throws Exception {
    return PluginDirectory.builder(folder()).parent(parent).listener(events::add)
        .listingCache(cacheFile()).open();
  }

  private static boolean isOpen(Path jar) throws Exception {
    String path = jar.toRealPath().toString();
    return ReloadTest.openDescriptors().stream().anyMatch(d -> d.startsWith(path));
  }

  /** The file names the cache file holds entries for. */
  private List<String> cached() throws Exception {
    List<String> names = new ArrayList<>();
    for (ListingCache.Entry entry : ListingCache.parse(Files.readString(cacheFile()))) {
      names.add(entry.fileName());
    }
    return names;
  }

  private Object cacheFileKey() throws Exception {
    return Files.readAttributes(cacheFile(), BasicFileAttributes.class).fileKey();
  }

  @Test
  void laterOpens_listUnchangedJarsFromTheCache_withoutOpeningThem() throws Exception {
    Path hello = Fixtures.copy(fixtures.hello1, folder(), null);
    Path bye = Fixtures.copy(fixtures.bye, folder(), null);
    List<PluginJar> first;
    try (PluginDirectory directory = open()) {
      first = directory.jars();
      assertFalse(directory.listedFromCache("hello") || directory.listedFromCache("bye"),
          "the first open reads both jars");
      assertFalse(isOpen(hello) || isOpen(bye), "and keeps neither open");
    }
    assertTrue(Files.readString(cacheFile()).startsWith("patchbay-listing-cache\t1\n"));
    assertEquals(List.of("bye-3.1.jar", "hello-1.0.jar"), cached());
    Object written = cacheFileKey();

    try (PluginDirectory directory = open()) {
      assertEquals(first, directory.jars(), "the same ids, versions and plugins");
      assertTrue(directory.listedFromCache("hello") && directory.listedFromCache("bye"));
      assertFalse(isOpen(hello), "hello was listed without opening it");
      assertFalse(isOpen(bye), "bye was listed without opening it");
      assertTrue(directory.toString().endsWith(", 2 jars, 2 listed from the listing cache]"),
          directory::toString);
      assertEquals(List.of("LOADED bye", "LOADED hello"),
          events.stream().skip(2).map(e -> e.kind() + " " + e.jar().id()).toList());
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      assertEquals(List.of("builtin", "bye", "hello"), List.copyOf(greeters.names()));
      assertNull(directory.classLoader("hello"));

      assertEquals("hello one", Fixtures.greet(greeters, "hello"), "first use opens and links the jar");
      assertTrue(isOpen(hello));
      assertNotNull(directory.classLoader("hello"));
      assertFalse(isOpen(bye), "creating hello opens nothing of bye");
      assertEquals("bye two", Fixtures.greet(greeters, "ciao"));
    }
    assertFalse(isOpen(hello) || isOpen(bye));
    assertEquals(written, cacheFileKey(), "an unchanged cache is not written again");
  }

  @Test
  void aReplacedJar_ofAnotherSizeOrTime_isReadAgain_andTheCacheFollows() throws Exception {
    Path jar = Fixtures.copy(fixtures.hello1, folder(), "hello.jar");
    try (PluginDirectory directory = open()) {
      assertEquals("1.0", directory.jars().get(0).version());
    }
    Files.write(jar, Files.readAllBytes(fixtures.hello2)); // rewritten: new size and time
    Files.setLastModifiedTime(jar, FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() + 5_000));
    try (PluginDirectory directory = open()) {
      assertEquals("2.0", directory.jars().get(0).version());
      assertFalse(directory.listedFromCache("hello"), "read, not taken from the cache");
      assertEquals("HELLO v2", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
    }
    try (PluginDirectory directory = open()) {
      assertEquals("2.0", directory.jars().get(0).version());
      assertTrue(directory.listedFromCache("hello"), "the cache now holds the new version");
    }

    // Only the time changes: read again too.
    Files.setLastModifiedTime(jar, FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() + 5_000));
    try (PluginDirectory directory = open()) {
      assertFalse(directory.listedFromCache("hello"));
    }
  }

  @Test
  void aJarRewrittenInPlace_withTheSameSizeTimeAndFile_isCaughtAtFirstUse() throws Exception {
    // Two builds of hello with the same plugins and listing, only another version and code;
    // padded (with a zip comment) to one size.
    byte[][] builds = sameSize(Files.readAllBytes(fixtures.hello1),
        Files.readAllBytes(fixtures.hello2));
    Path jar = folder().resolve("hello.jar");
    Files.write(jar, builds[0]);
    FileTime time = Files.getLastModifiedTime(jar);
    try (PluginDirectory directory = open()) {
      assertEquals("1.0", directory.jars().get(0).version());
    }
    Object key = Files.readAttributes(jar, BasicFileAttributes.class).fileKey();
    Files.write(jar, builds[1]); // same file, same size
    Files.setLastModifiedTime(jar, time);
    assertEquals(key, Files.readAttributes(jar, BasicFileAttributes.class).fileKey());
    assertEquals(builds[0].length, Files.size(jar));

    try (PluginDirectory directory = open()) {
      assertEquals("1.0", directory.jars().get(0).version(),
          "listed from the cache: the jar itself was not read");
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      events.clear();
      PluginLoadException e = assertThrows(PluginLoadException.class,
          () -> greeters.create("hello"));
      assertTrue(e.getMessage().contains("the plugin listing cache " + cacheFile()
          + " does not describe " + jar), e.getMessage());
      assertTrue(e.getMessage().contains("rewritten in place"), e.getMessage());
      PluginJar failed = directory.jars().get(0);
      assertTrue(failed.problem().orElseThrow().startsWith("the plugin listing cache "),
          failed.problem().orElseThrow());
      assertEquals(List.of(PluginEvent.Kind.FAILED),
          events.stream().map(PluginEvent::kind).toList());
      assertFalse(greeters.contains("hello"));
      assertFalse(isOpen(jar), "the file opened for the check is closed again");
      assertEquals(List.of(), cached(), "the entry is dropped at once");
    }
    try (PluginDirectory directory = open()) {
      assertEquals("2.0", directory.jars().get(0).version(), "read again");
      assertEquals("HELLO v2", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
    }
  }

  @Test
  void anEditedCache_listsWhatItSays_butNothingOfItIsLoaded() throws Exception {
    Fixtures.copy(fixtures.hello1, folder(), null);
    try (PluginDirectory directory = open()) {
      assertTrue(directory.jars().get(0).loaded());
    }
    String text = Files.readString(cacheFile());
    assertTrue(text.contains("hello.Hello"), text);
    Files.writeString(cacheFile(), text.replace("hello.Hello", "hello.Jello"));
    try (PluginDirectory directory = open()) {
      assertEquals("hello.Jello", directory.jars().get(0).plugins().get(0).implementation(),
          "the cache is trusted for listing, as the folder is");
      PluginLoadException e = assertThrows(PluginLoadException.class,
          () -> Fixtures.greeters(directory, parent).create("hello"));
      assertTrue(e.getMessage().contains("the plugin listing cache"), e.getMessage());
      assertNull(directory.classLoader("hello"), "no class loader was made");
    }
  }

  @Test
  void aCorruptTruncatedOrMissingCache_isIgnored_andWrittenAnew() throws Exception {
    Path hello = Fixtures.copy(fixtures.hello1, folder(), null);
    try (PluginDirectory directory = open()) {
      assertTrue(directory.jars().get(0).loaded());
    }
    String good = Files.readString(cacheFile());
    List<String> broken = List.of("", "garbage\n", good.substring(0, good.length() / 2),
        good.replace("\njar\t", "\njar\tx\t"), good.replace("\nindex\t", "\nindex\t1 2\n"),
        new String(new byte[] {(byte) 0xff, 0, 1}, StandardCharsets.ISO_8859_1));
    for (String text : broken) {
      Files.writeString(cacheFile(), text, StandardCharsets.ISO_8859_1);
      try (PluginDirectory directory = open()) {
        assertTrue(directory.jars().get(0).loaded(), text);
        assertFalse(directory.listedFromCache("hello"), "read, not taken from the cache: " + text);
        assertEquals("hello one", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
      }
      assertEquals(good, Files.readString(cacheFile()), "written anew after " + text);
    }
    Files.delete(cacheFile());
    try (PluginDirectory directory = open()) {
      assertFalse(directory.listedFromCache("hello"));
    }
    assertEquals(good, Files.readString(cacheFile()));
  }

  @Test
  void aCacheOfAnotherVersion_isIgnored() throws Exception {
    Path hello = Fixtures.copy(fixtures.hello1, folder(), null);
    try (PluginDirectory directory = open()) {
      assertTrue(directory.jars().get(0).loaded());
    }
    String good = Files.readString(cacheFile());
    Files.writeString(cacheFile(), good.replace("patchbay-listing-cache\t1\n",
        "patchbay-listing-cache\t2\n"));
    try (PluginDirectory directory = open()) {
      assertFalse(directory.listedFromCache("hello"), "a cache of another version is not used");
    }
    assertEquals(good, Files.readString(cacheFile()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ListingCache.parse("patchbay-listing-cache\t2\n"));
    assertEquals("is in format version '2', but this Patchbay loader reads version 1 only",
        e.getMessage());
  }

  @Test
  void aCacheThatCannotBeReadOrWritten_neverFailsTheOpen() throws Exception {
    Path hello = Fixtures.copy(fixtures.hello1, folder(), null);
    Files.createDirectories(cacheFile()); // a directory where the file should be
    try (PluginDirectory directory = open()) {
      assertTrue(directory.jars().get(0).loaded());
      assertFalse(directory.listedFromCache("hello"));
      Fixtures.copy(fixtures.bye, folder(), null);
      assertEquals(List.of("bye"), directory.reload().added());
      assertEquals("bye two", Fixtures.greet(Fixtures.greeters(directory, parent), "bye"));
    }
    assertTrue(Files.isDirectory(cacheFile()));
    try (var left = Files.list(cacheFile().getParent())) {
      assertEquals(List.of(cacheFile()), left.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void reload_updatesTheCache_addingNewJars_andDroppingRemovedOnes() throws Exception {
    Path hello = Fixtures.copy(fixtures.hello1, folder(), null);
    try (PluginDirectory directory = open()) {
      assertEquals(List.of("hello-1.0.jar"), cached());
      Path bye = Fixtures.copy(fixtures.bye, folder(), null);
      assertEquals(List.of("bye"), directory.reload().added());
      assertEquals(List.of("bye-3.1.jar", "hello-1.0.jar"), cached());
      Files.delete(hello);
      assertEquals(List.of("hello"), directory.reload().removed());
      assertEquals(List.of("bye-3.1.jar"), cached());
      assertFalse(directory.listedFromCache("bye"));
    }
    try (PluginDirectory directory = open()) {
      assertEquals(List.of("bye"), directory.jars().stream().map(PluginJar::id).toList());
      assertTrue(directory.listedFromCache("bye"));
      assertFalse(isOpen(folder().resolve("bye-3.1.jar")));
    }
  }

  @Test
  void jarsWithAProblem_areNotCached_andReadEveryTime() throws Exception {
    Fixtures.copy(fixtures.noIndex, folder(), null);
    Fixtures.copy(fixtures.oldMetadata, folder(), null);
    Fixtures.copy(fixtures.hello1, folder(), null);
    for (int start = 0; start < 2; start++) {
      try (PluginDirectory directory = open()) {
        List<PluginJar> jars = directory.jars();
        assertEquals(List.of(true, false, false),
            jars.stream().map(PluginJar::loaded).toList());
        assertTrue(jars.get(1).problem().orElseThrow().contains("old-metadata.jar"));
        assertTrue(jars.get(2).problem().orElseThrow().contains("no Patchbay plugin index"));
      }
      assertEquals(List.of("hello-1.0.jar"), cached());
    }
  }

  @Test
  void unload_ofAJarListedFromTheCache_releasesItsFileAndClassLoader() throws Exception {
    Path bye = Fixtures.copy(fixtures.bye, folder(), null);
    try (PluginDirectory directory = open()) {
      assertTrue(directory.jars().get(0).loaded());
    }
    try (PluginDirectory directory = open()) {
      assertFalse(isOpen(bye));
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      WeakReference<ClassLoader> loader = createAndDrop(greeters);
      assertTrue(isOpen(bye));
      Files.delete(bye);
      assertEquals(List.of("bye"), directory.reload().removed());
      assertFalse(ReloadTest.openDescriptors().stream().anyMatch(d -> d.contains("bye-3.1.jar")),
          "no descriptor of the removed jar stays open: " + ReloadTest.openDescriptors());
      assertTrue(ReloadTest.collected(loader), "its class loader is collected");
      assertEquals(List.of(), cached());
    }
  }

  private static WeakReference<ClassLoader> createAndDrop(Registry<?> greeters) {
    Object plugin = greeters.create("bye");
    assertEquals("bye two", ((Supplier<?>) plugin).get());
    return new WeakReference<>(plugin.getClass().getClassLoader());
  }

  @Test
  void theFormat_roundTripsEscapedFields() {
    ListingCache.Entry entry = new ListingCache.Entry("odd\tname\\.jar", 12, -3, "(dev=1,ino=2)",
        "odd", "1.0\n", "0".repeat(64), List.of("a.Index", "b.Index"),
        java.util.Map.of("a.Index", "patchbay-plugin-listing\t1\npoint\tx.Y\n"));
    ListingCache.Entry other = new ListingCache.Entry("b.jar", 1, 2, "null", "b", "", "f".repeat(64),
        List.of("b.Index"), java.util.Map.of("b.Index", "no final line break\r\nend\t1"));
    String text = ListingCache.format(List.of(entry, other));
    assertEquals(List.of(entry, other), ListingCache.parse(text));
    assertTrue(text.endsWith("\nend\t2\n"), text);
    assertThrows(IllegalArgumentException.class,
        () -> ListingCache.parse(text.substring(0, text.length() - 1)));
    assertThrows(IllegalArgumentException.class, () -> ListingCache.parse(text + "jar\t"));
  }

  /** Pads the shorter of two jars with a zip file comment so both have one size. */
  private static byte[][] sameSize(byte[] a, byte[] b) {
    assertNotEquals(Arrays.toString(a), Arrays.toString(b));
    return a.length < b.length ? new byte[][] {pad(a, b.length), b}
        : new byte[][] {a, pad(b, a.length)};
  }

  private static byte[] pad(byte[] jar, int size) {
    int extra = size - jar.length;
    // The end-of-central-directory record ends the file; its last two bytes are the comment length.
    assertEquals(0, jar[jar.length - 1] | jar[jar.length - 2], "the jar has no comment yet");
    byte[] padded = Arrays.copyOf(jar, size);
    padded[jar.length - 2] = (byte) extra;
    padded[jar.length - 1] = (byte) (extra >>> 8);
    Arrays.fill(padded, jar.length, size, (byte) ' ');
    return padded;
  }
}
