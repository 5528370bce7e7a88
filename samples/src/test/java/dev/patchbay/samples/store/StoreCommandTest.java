package dev.patchbay.samples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class StoreCommandTest {

  @Test
  void fileEngine_keepsDataAcrossRuns(@TempDir Path dir) {
    String d = dir.toString();

    CliRunner.Result put = CliRunner.run("store", "--engine", "file", "--dir", d,
        "put", "greeting", "hello world");
    CliRunner.Result put2 = CliRunner.run("store", "--dir", d, "put", "answer", "42");
    CliRunner.Result get = CliRunner.run("store", "--dir", d, "get", "greeting");
    CliRunner.Result list = CliRunner.run("store", "--dir", d, "list");

    assertEquals(0, put.exitCode(), put::toString);
    assertTrue(put.out().contains("Stored 'greeting' with FileStorage in "
        + dir.resolve("store.json")), put::toString);
    assertEquals(0, put2.exitCode(), put2::toString);
    assertEquals("hello world\n", get.out());
    assertEquals(String.join("\n",
        "key      | value",
        "-------- | -----------",
        "answer   | 42",
        "greeting | hello world",
        "(2 rows)", ""), list.out());
  }

  @Test
  void optionsAfterTheSubcommand_work(@TempDir Path dir) {
    CliRunner.Result put = CliRunner.run("store", "put", "k", "v", "--dir", dir.toString());
    CliRunner.Result get = CliRunner.run("store", "get", "--dir", dir.toString(), "k");

    assertEquals(0, put.exitCode(), put::toString);
    assertEquals("v\n", get.out(), get::toString);
  }

  @Test
  void memoryEngine_forgetsWhenTheProcessEnds() {
    CliRunner.Result put = CliRunner.run("store", "--engine", "memory", "put", "k", "v");
    CliRunner.Result get = CliRunner.run("store", "--engine", "memory", "get", "k");

    assertEquals(0, put.exitCode(), put::toString);
    assertTrue(put.out().contains("MemoryStorage in this process's memory"), put::toString);
    assertEquals(CliErrors.FAILURE, get.exitCode(), get::toString);
    assertTrue(get.err().contains("nothing is stored under 'k'"), get::toString);
  }

  @Test
  void missingAction_andUnknownEngine_areUsageErrors() {
    CliRunner.Result none = CliRunner.run("store");
    CliRunner.Result unknown = CliRunner.run("store", "--engine", "fille", "list");
    CliRunner.Result missingValue = CliRunner.run("store", "put", "k");

    assertEquals(CliErrors.USAGE, none.exitCode(), none::toString);
    assertTrue(none.err().contains("put KEY VALUE, get KEY or list"), none::toString);
    assertEquals(CliErrors.USAGE, unknown.exitCode(), unknown::toString);
    assertTrue(unknown.err().contains("did you mean 'file'?"), unknown::toString);
    assertEquals(CliErrors.USAGE, missingValue.exitCode(), missingValue::toString);
    assertEquals(1, missingValue.err().lines().count(), missingValue::toString);
  }

  @Test
  void badKey_isExitCode2(@TempDir Path dir) {
    CliRunner.Result result = CliRunner.run("store", "--dir", dir.toString(), "put", " ", "v");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("the key is blank"), result::toString);
  }
}
