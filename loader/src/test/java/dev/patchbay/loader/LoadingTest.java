package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.UnknownPluginException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Isolation, lazy listing, descriptors and clashes, on jars built by the real processor. */
final class LoadingTest {
  private final Fixtures fixtures = Fixtures.get();
  @TempDir Path folder;

  private final ClassLoader parent = fixtures.parent();

  private PluginDirectory open() throws Exception {
    return PluginDirectory.builder(folder).parent(parent).open();
  }

  private Class<?> greeter() throws Exception {
    return Class.forName(Fixtures.GREETER, false, parent);
  }

  @Test
  void twoJarsBundlingOneLibraryClass_eachSeeTheirOwn() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    Fixtures.copy(fixtures.bye, folder, null);
    try (PluginDirectory directory = open()) {
      Class<?> greeter = greeter();
      Registry<?> greeters = directory.registry(greeter);

      assertEquals("hello one", Fixtures.greet(greeters, "hello"));
      assertEquals("bye two", Fixtures.greet(greeters, "bye"));
      assertEquals("builtin parent", Fixtures.greet(greeters, "builtin"), "the application's own plugin");
      Object hello = greeters.create("hello");
      Object bye = greeters.create("bye");
      assertNotSame(hello.getClass().getClassLoader(), bye.getClass().getClassLoader());
      assertSame(directory.classLoader("hello"), hello.getClass().getClassLoader());
      assertTrue(greeter.isInstance(hello) && greeter.isInstance(bye),
          "the extension point comes from the parent");
      assertEquals(List.of("builtin", "bye", "hello"), List.copyOf(greeters.names()));
    }
  }

  @Test
  void resources_comeFromTheJarFirst_andStreamsFromItsOpenFile() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = open()) {
      Object hello = directory.registry(greeter()).create("hello");
      ClassLoader jarLoader = hello.getClass().getClassLoader();
      byte[] fromJar;
      try (var in = jarLoader.getResourceAsStream("lib/Banner.class")) {
        fromJar = in.readAllBytes();
      }
      byte[] fromParent;
      try (var in = parent.getResourceAsStream("lib/Banner.class")) {
        fromParent = in.readAllBytes();
      }
      assertFalse(java.util.Arrays.equals(fromJar, fromParent), "the jar's own copy, child-first");
      assertTrue(jarLoader.getResource("lib/Banner.class").toString()
          .startsWith("jar:" + folder.resolve("hello-1.0.jar").toUri().toURL()),
          jarLoader.getResource("lib/Banner.class").toString());
      assertNotNull(jarLoader.getResource("api/Greeter.class"), "the parent's, when not in the jar");
      assertEquals("1.0", hello.getClass().getPackage().getImplementationVersion(),
          "packages carry the manifest's version");
    }
  }

  @Test
  void listing_loadsNoPluginClass() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    Fixtures.copy(fixtures.bye, folder, null);
    try (PluginDirectory directory = open()) {
      List<PluginJar> jars = directory.jars();
      assertEquals(List.of("bye", "hello"), jars.stream().map(PluginJar::id).toList());
      PluginInfo hello = jars.get(1).plugins().get(0);
      assertEquals("hello", hello.name());
      assertEquals("hello.Hello", hello.implementation());
      assertEquals(List.of("ciao"), jars.get(0).plugins().get(0).aliases());

      Registry<?> greeters = directory.registry(greeter());
      assertEquals(3, greeters.plugins().size());
      assertTrue(greeters.contains("ciao"));
      // Listed from the jars' plugin listings: no class loader exists, so no class of theirs.
      assertNull(directory.classLoader("hello"), "listing created hello's class loader");
      assertNull(directory.classLoader("bye"), "listing created bye's class loader");

      PluginInfo bye = greeters.plugins().stream().filter(p -> p.name().equals("bye"))
          .findFirst().orElseThrow();
      assertFalse(directory.isClassLoaded(bye));
      greeters.create("ciao");
      JarClassLoader byeLoader = directory.classLoader("bye");
      assertNotNull(byeLoader, "create makes the jar's class loader");
      assertTrue(byeLoader.hasLoaded("bye.Bye"), "create loads the class");
      assertTrue(directory.isClassLoaded(bye));
      assertFalse(directory.isClassLoaded(hello));
      assertNull(directory.classLoader("hello"), "creating bye creates nothing of hello");
    }
  }

  @Test
  void descriptor_fromManifest_elseFromFileName() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, "greeting-pack-9.9.jar");
    Fixtures.copy(fixtures.bye, folder, "bye-3.1.jar");
    Fixtures.copy(fixtures.needy, folder, "needy.jar");
    try (PluginDirectory directory = open()) {
      List<PluginJar> jars = directory.jars();
      assertEquals(List.of("bye", "3.1"), List.of(jars.get(0).id(), jars.get(0).version()));
      assertEquals(List.of("hello", "1.0"), List.of(jars.get(1).id(), jars.get(1).version()),
          "the manifest wins over the file name");
      assertEquals(List.of("needy", ""), List.of(jars.get(2).id(), jars.get(2).version()));
      assertEquals(folder.resolve("bye-3.1.jar"), jars.get(0).path());
      assertTrue(jars.stream().allMatch(PluginJar::loaded));
    }
  }

  @Test
  void nameClashAcrossJars_failsAtLookupNamingBothJars_otherNamesWork() throws Exception {
    Path hello = Fixtures.copy(fixtures.hello1, folder, null);
    Path clash = Fixtures.copy(fixtures.clash, folder, null);
    try (PluginDirectory directory = open()) {
      Registry<?> greeters = directory.registry(greeter());
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> greeters.create("hello"));
      assertTrue(e.getMessage().contains(hello.toString()), e.getMessage());
      assertTrue(e.getMessage().contains(clash.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("hello.Hello") && e.getMessage().contains("clash.Other"),
          e.getMessage());
      assertThrows(IllegalStateException.class, () -> greeters.find("hello"));
      assertTrue(greeters.contains("hello"));
      assertEquals("fine", Fixtures.greet(greeters, "fine"));
      assertEquals("builtin parent", Fixtures.greet(greeters, "builtin"));
      assertEquals(4, greeters.plugins().size(), "both clashing plugins are listed");
    }
  }

  @Test
  void registry_unknownName_suggestsAcrossJars() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = open()) {
      Registry<?> greeters = directory.registry(greeter());
      UnknownPluginException e = assertThrows(UnknownPluginException.class,
          () -> greeters.create("helo"));
      assertEquals("hello", e.suggestion().orElseThrow());
      assertTrue(greeters.find("nobody").isEmpty());
    }
  }

  @Test
  void registry_rejectsTypesThatAreNotSharedExtensionPoints() throws Exception {
    try (PluginDirectory directory = open()) {
      IllegalArgumentException notPoint = assertThrows(IllegalArgumentException.class,
          () -> directory.registry(Runnable.class));
      assertTrue(notPoint.getMessage().contains("@dev.patchbay.ExtensionPoint"));
      // The same extension point seen through another loader is a different class.
      Class<?> foreign = Class.forName(Fixtures.GREETER, false, fixtures.parent());
      IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
          () -> directory.registry(foreign));
      assertTrue(other.getMessage().contains("parent("), other.getMessage());
    }
  }

  @Test
  void sharedPackages_takeLibraryFromParent() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = PluginDirectory.builder(folder).parent(parent)
        .sharedPackages("lib").open()) {
      assertEquals("hello parent", Fixtures.greet(directory.registry(greeter()), "hello"));
    }
    assertThrows(IllegalArgumentException.class,
        () -> PluginDirectory.builder(folder).sharedPackages("com.acme.*"));
  }

  @Test
  void onlyRegularJarFilesDirectlyInTheFolderAreRead() throws Exception {
    Path sub = Files.createDirectories(folder.resolve("nested"));
    Fixtures.copy(fixtures.bye, sub, null);
    Files.createDirectories(folder.resolve("directory.jar"));
    Files.createSymbolicLink(folder.resolve("linked.jar"), fixtures.hello1);
    Fixtures.copy(fixtures.bye, folder, "bye.zip");
    Files.writeString(folder.resolve("README.txt"), "not a jar");
    try (PluginDirectory directory = open()) {
      List<PluginJar> jars = directory.jars();
      assertEquals(Set.of("directory.jar", "linked.jar"), Set.copyOf(
          jars.stream().map(j -> j.path().getFileName().toString()).toList()));
      for (PluginJar jar : jars) {
        assertFalse(jar.loaded());
        assertTrue(jar.problem().orElseThrow().contains("only regular jar files"),
            jar.problem().orElseThrow());
      }
      assertTrue(jars.get(1).problem().orElseThrow().contains("symbolic link"));
      assertEquals(Set.of("builtin"), directory.registry(greeter()).names());
    }
    Files.delete(folder.resolve("linked.jar")); // the link, not its target
  }
}
