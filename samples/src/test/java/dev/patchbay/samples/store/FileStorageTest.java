package dev.patchbay.samples.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FileStorageTest {
  @TempDir
  Path dir;

  private static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private FileStorage open(Runnable beforeMove) throws IOException {
    FileStorage storage = new FileStorage(beforeMove);
    storage.open(dir);
    return storage;
  }

  private List<String> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void save_writesReadableJson() throws IOException {
    FileStorage storage = open(() -> {});

    storage.save("greeting", "hello, \"world\"\n☕");
    storage.save("answer", "42");

    assertEquals(Optional.of("hello, \"world\"\n☕"), storage.load("greeting"));
    assertEquals(Map.of("answer", "42", "greeting", "hello, \"world\"\n☕"), storage.list());
    String json = Files.readString(dir.resolve(FileStorage.DATA_FILE), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"greeting\" : \"hello, \\\"world\\\"\\n☕\""), json);
    // A fresh engine on the same directory sees the same data: it really is on disk.
    assertEquals(Optional.of("42"), open(() -> {}).load("answer"));
  }

  @Test
  void crashBetweenWriteAndMove_keepsTheOldDataIntact() throws IOException {
    open(() -> {}).save("k", "old");
    byte[] before = Files.readAllBytes(dir.resolve(FileStorage.DATA_FILE));
    FileStorage crashing = open(() -> {
      throw new SimulatedCrash();
    });

    assertThrows(SimulatedCrash.class, () -> crashing.save("k", "new"));

    assertEquals(Optional.of("old"), open(() -> {}).load("k"));
    assertEquals(new String(before, StandardCharsets.UTF_8),
        Files.readString(dir.resolve(FileStorage.DATA_FILE), StandardCharsets.UTF_8));
    // The failed save cleaned up its temporary file.
    assertEquals(List.of(FileStorage.DATA_FILE, "store.lock"), filesInDir());
  }

  @Test
  void crashWithoutCleanup_leftoverTempFileNeverCorruptsAndIsRemovedByTheNextSave()
      throws IOException {
    FileStorage storage = open(() -> {});
    storage.save("k", "old");
    // What a process killed mid-write leaves: a half-written temporary file.
    Path leftover = dir.resolve(FileStorage.DATA_FILE + ".123456" + FileStorage.TEMP_SUFFIX);
    Files.writeString(leftover, "{\"k\" : \"new, but trunc");

    assertEquals(Optional.of("old"), storage.load("k"));
    assertEquals(Map.of("k", "old"), storage.list());

    storage.save("other", "x");
    assertEquals(List.of(FileStorage.DATA_FILE, "store.lock"), filesInDir());
    assertEquals(Map.of("k", "old", "other", "x"), storage.list());
  }

  @Test
  void crashOnFirstSave_leavesNoDataFile() throws IOException {
    FileStorage crashing = open(() -> {
      throw new SimulatedCrash();
    });

    assertThrows(SimulatedCrash.class, () -> crashing.save("k", "v"));

    assertEquals(Map.of(), open(() -> {}).list());
    assertEquals(List.of("store.lock"), filesInDir());
  }

  @Test
  void corruptDataFile_isAClearError() throws IOException {
    Files.writeString(dir.resolve(FileStorage.DATA_FILE), "[1, 2");
    FileStorage storage = open(() -> {});

    IOException error = assertThrows(IOException.class, () -> storage.load("k"));
    assertTrue(error.getMessage().contains("is not a JSON object of strings"), error::getMessage);
    assertTrue(error.getMessage().contains("Repair or delete it"), error::getMessage);
  }

  @Test
  void invalidKeys_areRejectedBeforeAnythingIsWritten() throws IOException {
    FileStorage storage = open(() -> {});

    assertThrows(IllegalArgumentException.class, () -> storage.save(" ", "v"));
    assertThrows(IllegalArgumentException.class, () -> storage.save("a\u0000b", "v"));
    assertThrows(IllegalArgumentException.class, () -> storage.save("k".repeat(201), "v"));
    assertEquals(List.of(), filesInDir());
  }
}
