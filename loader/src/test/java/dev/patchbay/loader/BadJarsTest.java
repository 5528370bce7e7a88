package dev.patchbay.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad jars get a problem that says what is wrong and how to fix it; good jars keep working. */
final class BadJarsTest {
  private final Fixtures fixtures = Fixtures.get();
  private final ClassLoader parent = fixtures.parent();
  @TempDir Path folder;

  private PluginDirectory open() throws Exception {
    return PluginDirectory.builder(folder).parent(parent).open();
  }

  private static PluginJar jar(PluginDirectory directory, String fileName) {
    return directory.jars().stream()
        .filter(j -> j.path().getFileName().toString().equals(fileName)).findFirst().orElseThrow();
  }

  @Test
  void jarWithoutIndex_isListedWithAProblemSayingHowToFixIt() throws Exception {
    Fixtures.copy(fixtures.noIndex, folder, null);
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = open()) {
      PluginJar plain = jar(directory, "plain.jar");
      assertFalse(plain.loaded());
      String problem = plain.problem().orElseThrow();
      assertTrue(problem.contains("has no Patchbay plugin index"), problem);
      assertTrue(problem.contains("patchbay-processor"), problem);
      assertTrue(plain.plugins().isEmpty());
      assertEquals("hello one", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
      assertFalse(Fixtures.greeters(directory, parent).contains("plain"));
    }
  }

  @Test
  void corruptOrTruncatedFile_getsAProblemNamingTheFileAndTheCause() throws Exception {
    Path garbage = Files.write(folder.resolve("garbage.jar"), "not a zip at all".getBytes());
    byte[] whole = Files.readAllBytes(fixtures.bye);
    Path truncated = Files.write(folder.resolve("truncated.jar"),
        Arrays.copyOf(whole, whole.length / 2));
    Files.write(folder.resolve("empty.jar"), new byte[0]);
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = open()) {
      for (Path bad : List.of(garbage, truncated, folder.resolve("empty.jar"))) {
        PluginJar jar = jar(directory, bad.getFileName().toString());
        String problem = jar.problem().orElseThrow();
        assertTrue(problem.startsWith("cannot read " + bad + " as a jar: java.util.zip."),
            problem);
      }
      assertEquals("hello one", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
    }
  }

  @Test
  void missingDependency_failsAtCreateNamingJarPluginAndClass_othersWork() throws Exception {
    Path needy = Fixtures.copy(fixtures.needy, folder, null);
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = open()) {
      assertTrue(jar(directory, "needy.jar").loaded(), "listing does not load the class");
      Registry<?> greeters = Fixtures.greeters(directory, parent);
      PluginLoadException e = assertThrows(PluginLoadException.class,
          () -> Fixtures.greet(greeters, "needy"));
      String message = e.getMessage();
      assertTrue(message.contains(needy.toString()), message);
      assertTrue(message.contains("'needy' (needy.Needy)"), message);
      assertTrue(message.contains("class dep.Helper is missing"), message);
      assertSame(jar(directory, "needy.jar"), e.jar());
      assertEquals("needy", e.plugin().name());
      // Once more: the JVM remembers the failed resolution; the answer stays the same.
      assertThrows(PluginLoadException.class, () -> Fixtures.greet(greeters, "needy"));
      assertEquals("sturdy", Fixtures.greet(greeters, "sturdy"), "the same jar's other plugin");
      assertEquals("hello one", Fixtures.greet(greeters, "hello"));
      assertEquals("builtin parent", Fixtures.greet(greeters, "builtin"));
    }
  }

  @Test
  void indexCompiledAgainstAnotherPluginIndex_isAClearProblem() throws Exception {
    Fixtures.copy(fixtures.oldInterface, folder, null);
    Fixtures.copy(fixtures.hello1, folder, null);
    try (PluginDirectory directory = open()) {
      String problem = jar(directory, "old-interface.jar").problem().orElseThrow();
      assertTrue(problem.contains("the plugin index old.OldIndex in "
          + folder.resolve("old-interface.jar")), problem);
      assertTrue(problem.contains("incompatible Patchbay version"), problem);
      assertTrue(problem.contains("AbstractMethodError"), problem);
      assertTrue(problem.contains("Rebuild the plugin jar"), problem);
      assertEquals("hello one", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
    }
  }

  @Test
  void metadataOfAnotherFormat_isAClearProblem() throws Exception {
    Fixtures.copy(fixtures.oldMetadata, folder, null);
    try (PluginDirectory directory = open()) {
      String problem = jar(directory, "old-metadata.jar").problem().orElseThrow();
      assertTrue(problem.contains("the plugin index older.OlderIndex"), problem);
      assertTrue(problem.contains("incompatible Patchbay version"), problem);
      assertTrue(problem.contains("fields, at least 4 expected"), problem);
      assertEquals(List.of("builtin"), List.copyOf(Fixtures.greeters(directory, parent).names()));
    }
  }

  @Test
  void indexNamingAClassTheJarDoesNotHold_isRefusedWithoutLoadingIt() throws Exception {
    Path classes = Files.createDirectories(folder.resolve("../forged-classes").normalize());
    Files.createDirectories(classes.resolve("META-INF/services"));
    // Names a class of the application: it must not be loaded through the jar's index.
    Files.writeString(classes.resolve("META-INF/services/dev.patchbay.spi.PluginIndex"),
        "app.Builtin\n");
    Javac.jar(classes, folder.resolve("forged.jar"), java.util.Map.of(), name -> true);
    try (PluginDirectory directory = open()) {
      String problem = jar(directory, "forged.jar").problem().orElseThrow();
      assertTrue(problem.contains("lists app.Builtin, but the jar has no such class"), problem);
    }
  }

  @Test
  void twoFilesWithOneId_theFirstByFileNameWins() throws Exception {
    Fixtures.copy(fixtures.hello1, folder, null);
    Fixtures.copy(fixtures.hello2, folder, null);
    try (PluginDirectory directory = open()) {
      assertTrue(jar(directory, "hello-1.0.jar").loaded());
      String problem = jar(directory, "hello-2.0.jar").problem().orElseThrow();
      assertTrue(problem.contains("the plugin id 'hello' of " + folder.resolve("hello-2.0.jar")
          + " is already used by jar 'hello' 1.0"), problem);
      assertEquals("hello one", Fixtures.greet(Fixtures.greeters(directory, parent), "hello"));
    }
  }

  @Test
  void missingFolder_isAClearError() {
    Path missing = folder.resolve("nowhere");
    java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
        () -> PluginDirectory.open(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("plugin folder does not exist"), e.getMessage());
  }
}
