package dev.patchbay.loader;

import java.io.Closeable;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Reads a few named entries of a jar through its central directory, for listing: the manifest,
 * the index service file and the plugin listings. A class loader is never built on it; creating a
 * plugin opens the jar as a {@link java.util.jar.JarFile}, which is checked against what was read
 * here.
 *
 * <p>Smaller than {@code JarFile} on purpose: it reads the end record and the central directory
 * once, finds entries by comparing their names' bytes, and inflates only the entries asked for,
 * with no entry objects, manifest objects or stream wrappers in between. Reading plugin listings
 * runs once per jar in a JVM that has not compiled any of this code yet, and there the general
 * machinery cost more than the listing itself. It covers what plugin jars are: stored or deflated
 * entries, with or without data before the archive and a trailing comment. Anything else it
 * declines ({@link #open} gives null) and the caller reads the jar with {@code JarFile}: ZIP64
 * archives, and any that {@code JarFile} would read in another way (multi-release jars, whose
 * classes may come from versioned entries). Malformed archives throw a {@link ZipException} naming
 * what is wrong; no offset or length read from the file is used unchecked.
 */
final class ZipDirectory implements Closeable {
  /** The manifest entry, looked up ignoring case as {@code JarFile} does. */
  static final String MANIFEST = "META-INF/MANIFEST.MF";

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int END_SIZE = 22;
  private static final int CENTRAL_SIZE = 46;
  private static final int LOCAL_SIZE = 30;
  /** The largest entry read: listings, service files and manifests are far smaller. */
  private static final int MAX_ENTRY = 16 << 20;
  /** Bytes read from the end at first: the end record and, for a small jar, the directory. */
  private static final int TAIL = 8192;

  private final RandomAccessFile file;
  private final byte[] central; // the central directory
  private final int entries;
  private final long base; // where the archive starts in the file (data may come before it)
  private final Inflater inflater; // the caller's, reset before each entry; not ended here

  private ZipDirectory(RandomAccessFile file, byte[] central, int entries, long base,
      Inflater inflater) {
    this.inflater = inflater;
    this.file = file;
    this.central = central;
    this.entries = entries;
    this.base = base;
  }

  /**
   * Opens {@code jar} and reads its central directory.
   *
   * @param inflater inflates deflated entries: raw ({@code nowrap}), owned by the caller, which
   *     may hand it to one directory after another (it is reset before each entry) and ends it
   * @return the directory, or null when this reader declines the archive (ZIP64): read it with
   *     {@code JarFile} instead
   * @throws ZipException when the file is not a zip archive or its directory is malformed
   * @throws IOException when the file cannot be read
   */
  static ZipDirectory open(File jar, Inflater inflater) throws IOException {
    RandomAccessFile file = new RandomAccessFile(jar, "r");
    try {
      ZipDirectory directory = read(file, inflater);
      if (directory != null) {
        file = null; // the directory owns it now
      }
      return directory;
    } finally {
      if (file != null) {
        file.close();
      }
    }
  }

  private static ZipDirectory read(RandomAccessFile file, Inflater inflater) throws IOException {
    long length = file.length();
    if (length < END_SIZE) {
      throw new ZipException("zip file is empty or too short to be one");
    }
    // The end record is the last 22 bytes unless the archive has a comment (up to 64 KiB).
    int tailSize = (int) Math.min(length, TAIL);
    byte[] tail = readAt(file, length - tailSize, tailSize);
    int end = findEnd(tail);
    if (end < 0 && length > tailSize) {
      tailSize = (int) Math.min(length, END_SIZE + 0xFFFF);
      tail = readAt(file, length - tailSize, tailSize);
      end = findEnd(tail);
    }
    if (end < 0) {
      throw new ZipException("zip END header not found");
    }
    int entries = u16(tail, end + 10);
    long centralSize = u32(tail, end + 12);
    long centralOffset = u32(tail, end + 16);
    if (entries == 0xFFFF || centralSize == 0xFFFFFFFFL || centralOffset == 0xFFFFFFFFL
        || u16(tail, end + 4) != 0 || u16(tail, end + 6) != 0) {
      return null; // ZIP64 or a multi-disk archive: JarFile knows them
    }
    long endPosition = length - tailSize + end;
    long centralPosition = endPosition - centralSize;
    long base = centralPosition - centralOffset;
    if (centralPosition < 0 || base < 0 || centralSize < (long) entries * CENTRAL_SIZE) {
      throw new ZipException("invalid END header (bad central directory offset or size)");
    }
    byte[] central;
    int tailStart = (int) (centralPosition - (length - tailSize));
    if (tailStart >= 0) {
      central = java.util.Arrays.copyOfRange(tail, tailStart, end);
    } else if (centralSize > Integer.MAX_VALUE - 8) {
      return null;
    } else {
      central = readAt(file, centralPosition, (int) centralSize);
    }
    // Check every record's signature and lengths once, so lookups read only checked bounds.
    for (int i = 0, p = 0; i < entries; i++) {
      if (p + CENTRAL_SIZE > central.length || i32(central, p) != CENTRAL_SIGNATURE) {
        throw new ZipException("invalid CEN header (bad signature)");
      }
      p += CENTRAL_SIZE + u16(central, p + 28) + u16(central, p + 30) + u16(central, p + 32);
      if (p > central.length) {
        throw new ZipException("invalid CEN header (bad header size)");
      }
    }
    return new ZipDirectory(file, central, entries, base, inflater);
  }

  /** The offset of the end record in {@code tail}, searched from the end, or -1. */
  private static int findEnd(byte[] tail) {
    for (int p = tail.length - END_SIZE; p >= 0; p--) {
      if (tail[p] == 0x50 && i32(tail, p) == END_SIGNATURE
          && p + END_SIZE + u16(tail, p + 20) == tail.length) {
        return p;
      }
    }
    return -1;
  }

  /**
   * The central directory record of the entry named {@code name}, or -1.
   *
   * @param name the entry name, ASCII or not
   * @param ignoreCase compare ASCII letters ignoring case (for the manifest)
   */
  int find(String name, boolean ignoreCase) {
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    for (int i = 0, p = 0; i < entries; i++) {
      int nameLength = u16(central, p + 28);
      if (nameLength == wanted.length && sameName(p + CENTRAL_SIZE, wanted, ignoreCase)) {
        return p;
      }
      p += CENTRAL_SIZE + nameLength + u16(central, p + 30) + u16(central, p + 32);
    }
    return -1;
  }

  private boolean sameName(int at, byte[] wanted, boolean ignoreCase) {
    for (int i = 0; i < wanted.length; i++) {
      int a = central[at + i];
      int b = wanted[i];
      if (a != b && !(ignoreCase && upper(a) == upper(b))) {
        return false;
      }
    }
    return true;
  }

  private static int upper(int c) {
    return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
  }

  /**
   * The uncompressed bytes of the entry whose central record is at {@code record}.
   *
   * @throws ZipException when the entry is encrypted, uses another method than stored or
   *     deflated, is larger than 16 MiB, or its data do not match its recorded sizes
   */
  byte[] read(int record) throws IOException {
    int flags = u16(central, record + 8);
    int method = u16(central, record + 10);
    long compressed = u32(central, record + 20);
    long size = u32(central, record + 24);
    long local = base + u32(central, record + 42);
    if ((flags & 1) != 0) {
      throw new ZipException("invalid CEN header (encrypted entry)");
    }
    if (method != 0 && method != 8) {
      throw new ZipException("invalid CEN header (unsupported compression method: " + method
          + ")");
    }
    if (size > MAX_ENTRY || compressed > MAX_ENTRY) {
      throw new ZipException("entry larger than " + MAX_ENTRY + " bytes: " + size);
    }
    // The local header and the data in one read, guessing that the local header's name and
    // extra field are as long as the central record's (they almost always are); read again
    // when they are not.
    int nameAndExtra = u16(central, record + 28) + u16(central, record + 30);
    int dataLength = (int) compressed + (method == 0 ? 0 : 1); // a zero byte after deflated data
    byte[] bytes = new byte[LOCAL_SIZE + nameAndExtra + dataLength];
    readInto(file, local, bytes, bytes.length - (method == 0 ? 0 : 1));
    if (i32(bytes, 0) != LOCAL_SIGNATURE) {
      throw new ZipException("invalid LOC header (bad signature)");
    }
    int localNameAndExtra = u16(bytes, 26) + u16(bytes, 28);
    int offset = LOCAL_SIZE + localNameAndExtra;
    if (localNameAndExtra != nameAndExtra) {
      bytes = new byte[dataLength];
      readInto(file, local + offset, bytes, (int) compressed);
      offset = 0;
    }
    if (method == 0) {
      if (compressed != size) {
        throw new ZipException("invalid stored entry (its sizes differ)");
      }
      return offset == 0 && bytes.length == size ? bytes
          : java.util.Arrays.copyOfRange(bytes, offset, offset + (int) size);
    }
    byte[] out = new byte[(int) size];
    inflater.reset();
    inflater.setInput(bytes, offset, dataLength);
    try {
      int n = inflater.inflate(size == 0 ? new byte[1] : out);
      // A whole entry inflates to exactly its size and ends its stream there.
      if (n != size || !inflater.finished()) {
        throw new ZipException("invalid entry size (expected " + size + " bytes)");
      }
    } catch (DataFormatException e) {
      ZipException wrapped = new ZipException("invalid compressed data: " + e.getMessage());
      wrapped.initCause(e);
      throw wrapped;
    }
    return out;
  }

  private static byte[] readAt(RandomAccessFile file, long position, int length)
      throws IOException {
    byte[] bytes = new byte[length];
    readInto(file, position, bytes, length);
    return bytes;
  }

  private static void readInto(RandomAccessFile file, long position, byte[] bytes, int length)
      throws IOException {
    file.seek(position);
    try {
      file.readFully(bytes, 0, length);
    } catch (EOFException e) {
      ZipException truncated = new ZipException("truncated zip file: " + length + " bytes at "
          + position + " are past its end");
      truncated.initCause(e);
      throw truncated;
    }
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return i32(b, at) & 0xFFFFFFFFL;
  }

  private static int i32(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16
        | (b[at + 3] & 0xFF) << 24;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
