package dev.patchbay.samples.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the `plugins` sample on the plugin jars the samples' build made. */
final class PluginsCommandTest {

  @Test
  void plugins_listsCreatesReplacesAndUnloads(@TempDir Path tmp) throws Exception {
    Path folder = tmp.resolve("plugins");
    CliRunner.Result result = CliRunner.run("plugins", "--dir", folder.toString());

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.contains("  event: LOADED hello 1.0"), out);
    assertTrue(out.contains("  event: LOADED shout 1.0"), out);
    assertTrue(out.contains("hello  1.0  hello  greeters.hello.Hello"), out);
    assertTrue(out.contains("Plugin classes loaded by listing: 0 (none: only the listings were"
        + " read)"), out);
    assertTrue(out.contains("greeters.create(\"hello\").greet(\"Ada\") -> Hello, Ada."), out);
    assertTrue(out.contains("greeters.create(\"shout\").greet(\"Ada\") -> HEY ADA\n"), out);
    assertTrue(out.contains("  event: REPLACED shout 2.0"), out);
    assertTrue(out.contains("ReloadReport[added=[], removed=[], replaced=[shout], failed=[]]"),
        out);
    assertTrue(out.contains("greeters.create(\"shout\").greet(\"Ada\") -> HEY ADA!!!"), out);
    assertTrue(out.contains("  event: UNLOADED hello 1.0"), out);
    assertTrue(out.contains("greeters.names() -> [shout]"), out);
    assertTrue(out.contains("The class loader of 'hello' was garbage collected"), out);
    if (Files.isDirectory(Path.of("/proc/self/fd"))) {
      assertTrue(out.contains("Open file descriptors on hello-1.0.jar: 0."), out);
    }
    assertEquals("", result.err());
    try (Stream<Path> left = Files.list(folder)) {
      assertEquals(List.of(folder.resolve("shout-2.0.jar")), left.toList(),
          "--dir keeps the folder as the sample left it");
    }
  }

  @Test
  void plugins_withoutDir_usesATemporaryFolderAndDeletesIt() {
    CliRunner.Result result = CliRunner.run("plugins");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    String first = result.out().lines().findFirst().orElseThrow();
    Path folder = Path.of(first.substring("Plugin folder: ".length()));
    assertFalse(Files.exists(folder), first);
  }

  @Test
  void plugins_refusesAFolderThatIsNotEmpty(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("keep.txt"), "mine");
    CliRunner.Result result = CliRunner.run("plugins", "--dir", folder.toString());

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("is not empty: give a new or empty folder"), result::toString);
    assertTrue(Files.exists(folder.resolve("keep.txt")));
  }
}
