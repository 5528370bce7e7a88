package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jars listed from the plugin listing the processor writes beside each index: no class loader
 * until a plugin is needed, then a check that the index lists what the listing said; listings of
 * another version refused; jars without a listing read through their index as before.
 */
final class ListingTest {
  private final Fixtures fixtures = Fixtures.get();
  private final ClassLoader parent = fixtures.parent();
  private final List<PluginEvent> events = new CopyOnWriteArrayList<>();
  @TempDir Path folder;

  private PluginDirectory open() throws Exception {
    return PluginDirectory.builder(folder).parent(parent).listener(events::add).open();
  }

  private static PluginJar jar(PluginDirectory directory, String id) {
    return directory.jars().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theIndexServiceEntry_isThatOfPluginIndex() {
    assertEquals("META-INF/services/" + dev.patchbay.spi.PluginIndex.class.getName(),
        JarReader.INDEX_SERVICE);
  }

  @Test
  void fixtureJars_carryOneListingPerIndex() throws Exception {
    assertEquals(List.of("META-INF/patchbay/plugins/hello.PatchbayIndex.tsv"),
        entries(fixtures.hello1, PluginListing.FOLDER));
    assertTrue(entry(fixtures.hello1, listingOf(fixtures.hello1))
        .startsWith("patchbay-plugin-listing\t1\npoint\tapi.Greeter\nplugin\thello\t"));
  }

  @Test
  void listingAndLookups_createNoClassLoader_untilAPluginIsCreated() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    Fixtures.copy(fixtures.bye, folder, null);
    try (PluginDirectory directory = open()) {
      assertEquals(List.of("bye", "hello"), directory.jars().stream().map(PluginJar::id).toList());
      assertEquals("ciao", jar(directory, "bye").plugins().get(0).aliases().get(0));
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      // Everything but creating answers from the listings.
      assertEquals(Set.of("builtin", "bye", "hello"), greeters.names());
      assertTrue(greeters.contains("ciao"));
      assertEquals(3, greeters.plugins().size());
      assertTrue(greeters.plugins().stream().noneMatch(directory::isClassLoaded));
      assertNull(directory.classLoader("hello"));
      assertNull(directory.classLoader("bye"));

      assertEquals("hello one", Fixtures.greet(greeters, "hello"));
      assertNotNull(directory.classLoader("hello"));
      assertNull(directory.classLoader("bye"), "creating hello links nothing of bye");
      assertTrue(directory.jars().stream().allMatch(PluginJar::loaded));
    }
  }

  @Test
  void listedJars_holdNoDescriptorUntilLinked_andUnloadingClosesIt() throws Exception {
    Path bye = Fixtures.copy(fixtures.bye, folder, null);
    Path hello = Fixtures.copy(fixtures.hello1, folder, null);
    String byePath = bye.toRealPath().toString();
    String helloPath = hello.toRealPath().toString();
    PluginDirectory directory = open();
    assertFalse(ReloadTest.openDescriptors().stream().anyMatch(d -> d.startsWith(byePath)),
        "a listed jar holds no descriptor: its file is opened again when a plugin is created");
    assertEquals("bye two", Fixtures.greet(Fixtures.greeters(directory, parent), "bye"));
    assertTrue(ReloadTest.openDescriptors().stream().anyMatch(d -> d.startsWith(byePath)),
        "the class loader holds the jar open");
    Files.delete(bye);
    assertEquals(List.of("bye"), directory.reload().removed());
    assertFalse(ReloadTest.openDescriptors().stream().anyMatch(d -> d.startsWith(byePath)));
    assertNull(directory.classLoader("hello"));
    directory.close();
    assertFalse(ReloadTest.openDescriptors().stream().anyMatch(d -> d.startsWith(helloPath)));
  }

  @Test
  void aJarRewrittenBetweenListingAndFirstUse_isCaughtAtFirstUse() throws Exception {
    Path jar = Fixtures.copy(fixtures.hello1, folder, "hello.jar");
    try (PluginDirectory directory = open()) {
      assertEquals("1.0", directory.jars().get(0).version());
      Files.write(jar, Files.readAllBytes(fixtures.hello2)); // same plugins, another version
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      PluginLoadException e = assertThrows(PluginLoadException.class,
          () -> Fixtures.greet(greeters, "hello"));
      assertTrue(e.getMessage().contains(jar + " is not the jar that was listed"),
          e.getMessage());
      assertTrue(directory.jars().get(0).problem().orElseThrow().contains("Call reload() to read it again"));
      assertNull(directory.classLoader("hello"));
      assertEquals(List.of("hello"), directory.reload().replaced(), "a reload reads it again");
      assertEquals("HELLO v2", Fixtures.greet(greeters, "hello"));
    }
  }

  @Test
  void multiReleaseJar_isListedThroughJarFile_whichResolvesVersionedEntries() throws Exception {
    Path jar = folder.resolve("hello-1.0.jar");
    rewrite(fixtures.hello1, jar, "META-INF/MANIFEST.MF",
        text -> text.replace("\r\n\r\n", "\r\nMulti-Release: true\r\n\r\n"));
    assertTrue(entry(jar, "META-INF/MANIFEST.MF").contains("Multi-Release: true"));
    try (PluginDirectory directory = open()) {
      assertEquals("1.0", jar(directory, "hello").version());
      String folderPath = folder.toRealPath().toString();
      assertTrue(ReloadTest.openDescriptors().stream().anyMatch(d -> d.startsWith(folderPath)),
          "read with JarFile, kept open for the class loader");
      assertEquals("hello one", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
    }
  }

  @Test
  void firstUseFromManyThreads_createsOneClassLoader() throws Exception {
    Fixtures.copy(fixtures.bye, folder, null);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (PluginDirectory directory = open()) {
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ClassLoader>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return greeters.create("bye").getClass().getClassLoader();
        }));
      }
      start.countDown();
      Set<ClassLoader> loaders = new java.util.HashSet<>();
      for (Future<ClassLoader> result : results) {
        loaders.add(result.get(30, TimeUnit.SECONDS));
      }
      assertEquals(Set.of(directory.classLoader("bye")), loaders);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void listingThatDoesNotMatchTheIndex_isTheJarsProblem_whenItIsLinked() throws Exception {
    // A tampered jar: its listing promises a plugin the index does not have.
    Path tampered = folder.resolve("hello-1.0.jar");
    rewrite(fixtures.hello1, tampered, listingOf(fixtures.hello1),
        text -> text.replace("plugin\thello\t", "plugin\thowdy\t"));
    Fixtures.copy(fixtures.bye, folder, null);
    try (PluginDirectory directory = open()) {
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      assertTrue(greeters.contains("howdy"), "listed as the listing says");
      PluginJar listed = jar(directory, "hello");

      PluginLoadException e = assertThrows(PluginLoadException.class,
          () -> Fixtures.greet(greeters, "howdy"));
      String message = e.getMessage();
      assertTrue(message.contains("the plugin listing META-INF/patchbay/plugins/"
          + "hello.PatchbayIndex.tsv in " + tampered + " does not match its index class"
          + " hello.PatchbayIndex: for api.Greeter the listing has howdy (hello.Hello), the"
          + " index hello (hello.Hello)"), message);
      assertTrue(message.contains("rebuild it with the Patchbay processor"), message);
      assertSame(listed, e.jar());

      PluginJar failed = jar(directory, "hello");
      assertEquals(e.getMessage().substring(e.getMessage().indexOf("the plugin listing")),
          failed.problem().orElseThrow());
      assertTrue(failed.plugins().isEmpty());
      assertFalse(greeters.contains("howdy"), "a failed jar's plugins leave the registry");
      assertFalse(greeters.contains("hello"));
      assertNull(directory.classLoader("hello"));
      PluginEvent event = events.get(events.size() - 1);
      assertEquals(PluginEvent.Kind.FAILED, event.kind());
      assertSame(failed, event.jar());
      String path = tampered.toRealPath().toString();
      assertFalse(ReloadTest.openDescriptors().stream().anyMatch(d -> d.startsWith(path)),
          "the failed jar's file is closed");
      assertEquals("bye two", Fixtures.greet(greeters, "bye"), "other jars keep working");

      // Unchanged on reload: the problem stays; fixed: the jar loads.
      assertEquals(List.of(), directory.reload().failed());
      assertEquals(failed.problem(), jar(directory, "hello").problem());
      Files.delete(tampered);
      Fixtures.copy(fixtures.hello1, folder, null);
      assertEquals(List.of("hello"), directory.reload().replaced());
      assertEquals("hello one", Fixtures.greet(greeters, "hello"));
    }
  }

  @Test
  void listingWithOtherMetadataThanTheIndex_namesBothRecords() throws Exception {
    rewrite(fixtures.bye, folder.resolve("bye-3.1.jar"), listingOf(fixtures.bye),
        text -> text.replace("\tciao\n", "\tadios\n"));
    try (PluginDirectory directory = open()) {
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      PluginLoadException e = assertThrows(PluginLoadException.class,
          () -> Fixtures.greet(greeters, "adios"));
      assertTrue(e.getMessage().contains("for api.Greeter the listing has PluginInfo[name=bye,"
          + " aliases=[adios]"), e.getMessage());
      assertTrue(e.getMessage().contains("the index PluginInfo[name=bye, aliases=[ciao]"),
          e.getMessage());
    }
  }

  @Test
  void listingOfAnUnknownVersion_isAClearProblem_andCreatesNoClassLoader() throws Exception {
    Path newer = folder.resolve("hello-1.0.jar");
    rewrite(fixtures.hello1, newer, listingOf(fixtures.hello1),
        text -> text.replace("patchbay-plugin-listing\t1\n", "patchbay-plugin-listing\t2\n"));
    Path garbled = folder.resolve("bye-3.1.jar");
    rewrite(fixtures.bye, garbled, listingOf(fixtures.bye), text -> "bye\n" + text);
    try (PluginDirectory directory = open()) {
      String problem = jar(directory, "hello").problem().orElseThrow();
      assertEquals("the plugin listing META-INF/patchbay/plugins/hello.PatchbayIndex.tsv in "
          + newer + " is in format version 2, but this Patchbay loader reads version 1 only: the"
          + " jar was built by another Patchbay version. Rebuild the plugin jar with the Patchbay"
          + " processor of the version this application's patchbay-annotations jar comes from.",
          problem);
      String garbledProblem = jar(directory, "bye").problem().orElseThrow();
      assertTrue(garbledProblem.contains("bye.PatchbayIndex.tsv in " + garbled
          + " does not start with the header 'patchbay-plugin-listing<tab><version>' but with"
          + " 'bye'"), garbledProblem);
      assertNull(directory.classLoader("hello"));
      assertEquals(List.of("builtin"), List.copyOf(Fixtures.greeters(directory, parent).names()));
    }
  }

  @Test
  void malformedListing_namesTheLine() throws Exception {
    Path broken = folder.resolve("bye-3.1.jar");
    rewrite(fixtures.bye, broken, listingOf(fixtures.bye),
        text -> text.replace("point\tapi.Greeter\n", "point\tapi.Greeter\nextra\tline\n"));
    try (PluginDirectory directory = open()) {
      String problem = jar(directory, "bye").problem().orElseThrow();
      assertTrue(problem.contains("is malformed at line 3 ('extra\tline'): a line starts neither"
          + " with 'point' nor with 'plugin'"), problem);
    }
  }

  @Test
  void jarWithoutListing_isReadThroughItsIndex_asBefore() throws Exception {
    // As an older Patchbay built it: the index and no listing.
    rewrite(fixtures.hello1, folder.resolve("hello-1.0.jar"), listingOf(fixtures.hello1), null);
    Fixtures.copy(fixtures.bye, folder, null);
    try (PluginDirectory directory = open()) {
      assertTrue(entries(folder.resolve("hello-1.0.jar"), PluginListing.FOLDER).isEmpty());
      PluginJar hello = jar(directory, "hello");
      assertTrue(hello.loaded());
      assertEquals("hello.Hello", hello.plugins().get(0).implementation());
      JarClassLoader loader = directory.classLoader("hello");
      assertNotNull(loader, "read through its index, so linked at once");
      assertFalse(loader.hasLoaded("hello.Hello"), "still no plugin class");
      assertNull(directory.classLoader("bye"), "the jar with a listing stays unlinked");
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      assertEquals("hello one", Fixtures.greet(greeters, "hello"));
      assertEquals("bye two", Fixtures.greet(greeters, "ciao"));
    }
  }

  /** The one listing entry of {@code jar}. */
  private static String listingOf(Path jar) throws IOException {
    List<String> listings = entries(jar, PluginListing.FOLDER);
    assertEquals(1, listings.size(), listings::toString);
    return listings.get(0);
  }

  private static List<String> entries(Path jar, String prefix) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().startsWith(prefix) && !e.isDirectory()) {
          names.add(e.getName());
        }
      }
    }
    return names;
  }

  private static String entry(Path jar, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(name + " is not in " + jar);
  }

  /** Copies {@code jar} to {@code target}, editing entry {@code name}, or leaving it out for null. */
  private static void rewrite(Path jar, Path target, String name, UnaryOperator<String> edit)
      throws IOException {
    try (InputStream file = Files.newInputStream(jar);
        ZipInputStream in = new ZipInputStream(file);
        OutputStream out = Files.newOutputStream(target);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals(name)) {
          if (edit == null) {
            continue;
          }
          bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8))
              .getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(bytes);
        zip.closeEntry();
      }
    }
  }
}
