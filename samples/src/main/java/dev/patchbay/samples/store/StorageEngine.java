package dev.patchbay.samples.store;

import dev.patchbay.ExtensionPoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A key-value store: in memory, or in a file. Plugins are chosen by name through the generated
 * {@code StorageEngineRegistry}.
 */
@ExtensionPoint
public interface StorageEngine {

  /**
   * Points the engine at its storage directory; engines that keep nothing on disk ignore it.
   *
   * @param directory where to keep data; created when missing
   * @throws IOException when the directory cannot be created
   */
  void open(Path directory) throws IOException;

  /**
   * Stores {@code value} under {@code key}, replacing what was there.
   *
   * @param key a non-blank key without control characters, at most 200 characters
   * @param value the value; may be empty
   * @throws IllegalArgumentException when the key is not acceptable
   * @throws IOException when the data cannot be written; the stored data is then unchanged
   */
  void save(String key, String value) throws IOException;

  /**
   * Reads the value stored under {@code key}.
   *
   * @param key the key
   * @return the value, or empty when nothing is stored under {@code key}
   * @throws IOException when the data cannot be read
   */
  Optional<String> load(String key) throws IOException;

  /**
   * Reads everything stored, sorted by key.
   *
   * @return an unmodifiable snapshot of all keys and values
   * @throws IOException when the data cannot be read
   */
  SortedMap<String, String> list() throws IOException;

  /**
   * Says where the data lives, for messages.
   *
   * @return for example {@code /home/me/patchbay-store/store.json}
   */
  String location();

  /**
   * Checks a key against the rules every engine shares.
   *
   * @param key the key to check
   * @return {@code key}
   * @throws IllegalArgumentException naming what is wrong with the key
   */
  static String requireValidKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("the key is blank; give a key like 'greeting'");
    }
    if (key.length() > 200) {
      throw new IllegalArgumentException("key '" + key.substring(0, 20) + "...' has "
          + key.length() + " characters; keys have at most 200");
    }
    if (key.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("key '" + key.replaceAll("\\p{Cntrl}", "?")
          + "' contains a control character; use printable characters only");
    }
    return key;
  }
}
