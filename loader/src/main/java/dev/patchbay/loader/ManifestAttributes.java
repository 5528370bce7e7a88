package dev.patchbay.loader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.Manifest;

/**
 * Reads a few main attributes of a jar manifest from its bytes, for listing a jar without
 * {@link Manifest}'s objects; first use reads the jar with {@code JarFile} and checks what was
 * read here.
 */
final class ManifestAttributes {
  private ManifestAttributes() {}

  /**
   * The values of the main-section attributes {@code names} of a manifest, read as
   * {@link Manifest} reads them (lines ended by a line feed, a carriage return or both, a line
   * starting with a space continuing the one above, names compared ignoring case, the last of
   * two equal names winning, a last line without a line break left out); null for an attribute
   * the manifest does not have.
   *
   * @throws IOException when a line of the main section is not a {@code name: value} header, or
   *     a continuation line comes first
   */
  static String[] read(byte[] manifest, String... names) throws IOException {
    // Lines and colons are found with String.indexOf over a Latin-1 view of the bytes (one char
    // per byte, so indexes are byte offsets); values are decoded from the bytes as UTF-8.
    String text = new String(manifest, StandardCharsets.ISO_8859_1);
    byte[][] values = new byte[names.length][];
    int current = -2; // the attribute of the line above: -1 one not asked for, -2 none yet
    for (int start = 0, line = 1; start < manifest.length; line++) {
      int end = text.indexOf('\n', start);
      int cr = text.indexOf('\r', start);
      if (cr >= 0 && (cr < end || end < 0)) {
        end = cr;
      }
      if (end == start || end < 0) {
        break; // an empty line ends the main section; Manifest leaves out an unended last line
      }
      if (manifest[start] == ' ') {
        if (current == -2) {
          throw new IOException("the manifest starts with a continuation line");
        }
        if (current >= 0) {
          values[current] = concat(values[current], manifest, start + 1, end);
        }
      } else {
        int colon = text.indexOf(':', start);
        if (colon < 0 || colon + 1 >= end || manifest[colon + 1] != ' ') {
          throw new IOException("invalid header field in the manifest's line " + line);
        }
        current = -1;
        for (int k = 0; k < names.length; k++) {
          if (colon - start == names[k].length()
              && text.regionMatches(true, start, names[k], 0, colon - start)) {
            current = k;
            values[k] = concat(null, manifest, colon + 2, end);
          }
        }
      }
      start = end + (end + 1 < manifest.length && manifest[end] == '\r'
          && manifest[end + 1] == '\n' ? 2 : 1);
    }
    String[] decoded = new String[names.length];
    for (int k = 0; k < names.length; k++) {
      decoded[k] = values[k] == null ? null : new String(values[k], StandardCharsets.UTF_8);
    }
    return decoded;
  }

  private static byte[] concat(byte[] head, byte[] bytes, int start, int end) {
    int headLength = head == null ? 0 : head.length;
    byte[] joined = new byte[headLength + end - start];
    if (head != null) {
      System.arraycopy(head, 0, joined, 0, headLength);
    }
    System.arraycopy(bytes, start, joined, headLength, end - start);
    return joined;
  }
}
