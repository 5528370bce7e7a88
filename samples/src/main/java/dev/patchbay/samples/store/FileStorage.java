package dev.patchbay.samples.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.patchbay.Plugin;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Keeps data in {@code store.json} in a directory, written atomically: a crash at any moment
 * leaves either the old file or the new one, never a mix, and never loses what was stored.
 *
 * <p>Each save writes the whole map to a temporary file in the same directory, forces it to disk,
 * and renames it over {@code store.json} with an atomic move. Readers therefore never see a
 * half-written file. Saves from several processes are serialized with a lock file, so none
 * overwrites another's update. The data is JSON, never Java serialization: reading a store file
 * can never run code.
 */
@Plugin(value = "file", aliases = {"json"},
    description = "A JSON file in --dir DIR, replaced atomically on every save", priority = 10)
public final class FileStorage implements StorageEngine {
  /** The data file's name inside the storage directory. */
  public static final String DATA_FILE = "store.json";
  /** Suffix of temporary files; a leftover one is what a crash mid-write leaves behind. */
  public static final String TEMP_SUFFIX = ".tmp";
  private static final String LOCK_FILE = "store.lock";
  private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private final Runnable beforeMove;
  private Path directory;

  /** Creates the engine; {@link #open(Path)} says where it keeps its file. */
  public FileStorage() {
    this(() -> {});
  }

  /**
   * Creates the engine with a hook that runs after the temporary file is written and forced but
   * before it replaces the data file: tests throw from it to simulate a crash at that moment.
   */
  FileStorage(Runnable beforeMove) {
    this.beforeMove = beforeMove;
  }

  @Override
  public void open(Path directory) throws IOException {
    Files.createDirectories(directory);
    this.directory = directory;
  }

  @Override
  public String location() {
    return directory == null ? "no directory yet" : directory.resolve(DATA_FILE).toString();
  }

  @Override
  @SuppressWarnings("try") // the lock is held for the block's duration, never read
  public void save(String key, String value) throws IOException {
    StorageEngine.requireValidKey(key);
    Path dir = requireOpen();
    try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockChannel.lock()) {
      // Holding the lock, no other save is between its write and its move: any temporary file
      // now present was left by a crash and can go.
      deleteLeftovers(dir);
      TreeMap<String, String> data = read(dir.resolve(DATA_FILE));
      data.put(key, value);
      writeAtomically(dir, JSON.writeValueAsBytes(data));
    }
  }

  @Override
  public Optional<String> load(String key) throws IOException {
    return Optional.ofNullable(read(requireOpen().resolve(DATA_FILE)).get(key));
  }

  @Override
  public SortedMap<String, String> list() throws IOException {
    return Collections.unmodifiableSortedMap(read(requireOpen().resolve(DATA_FILE)));
  }

  private void writeAtomically(Path dir, byte[] bytes) throws IOException {
    // Same directory, so the rename cannot cross file systems and stays atomic.
    Path temp = Files.createTempFile(dir, DATA_FILE + ".", TEMP_SUFFIX);
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        // Data and metadata on disk before the rename makes them visible: otherwise a power
        // loss could leave the new name pointing at an empty file.
        channel.force(true);
      }
      beforeMove.run();
      try {
        Files.move(temp, dir.resolve(DATA_FILE), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + dir + " cannot rename atomically, so the"
            + " file engine cannot write safely there; choose another --dir", e);
      }
      moved = true;
      forceDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Makes the rename itself durable; not every platform can open a directory, so best effort. */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open directories; the rename is still atomic, only its durability waits.
    }
  }

  private static void deleteLeftovers(Path dir) throws IOException {
    try (DirectoryStream<Path> leftovers =
        Files.newDirectoryStream(dir, DATA_FILE + ".*" + TEMP_SUFFIX)) {
      for (Path leftover : leftovers) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  // A TreeMap on purpose: callers change it and need its keys sorted.
  @SuppressWarnings("NonApiType")
  private static TreeMap<String, String> read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new TreeMap<>();
    }
    try {
      TreeMap<String, String> data = JSON.readValue(bytes, MAP);
      return data == null ? new TreeMap<>() : data;
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not a JSON object of strings ("
          + e.getOriginalMessage() + "); it was changed outside Patchbay. Repair or delete it.", e);
    }
  }

  private Path requireOpen() {
    if (directory == null) {
      throw new IllegalStateException("the file engine has no directory: call open(dir) first");
    }
    return directory;
  }
}
