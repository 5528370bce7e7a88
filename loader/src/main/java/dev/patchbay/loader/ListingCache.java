package dev.patchbay.loader;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The persistent listing cache of a directory ({@link PluginDirectory.Builder#listingCache}):
 * for each listed jar, the file state it was read at, its descriptor, its index service names,
 * the plugin listings it was listed from and a digest of those bytes in the jar. A jar whose file
 * name, size, modification time and file key match an entry is listed from the entry without
 * being opened; its first use opens it and checks the digest.
 *
 * <p>Format version 1 (UTF-8, one record a line, tab-separated fields, a backslash escaping a
 * tab, line break, carriage return or backslash within a field; a listing's text follows its
 * {@code listing} line unescaped, exactly as many chars as the line says, then a line break):
 * <pre>
 * patchbay-listing-cache  1
 * jar      &lt;file name&gt;  &lt;size&gt;  &lt;modified, ns since the epoch&gt;  &lt;file key&gt;  &lt;id&gt;  &lt;version&gt;  &lt;sha-256&gt;
 * index    &lt;index class binary name&gt;
 * listing  &lt;index class binary name&gt;  &lt;length of its text in chars&gt;
 * &lt;the listing's text, as it is&gt;
 * end      &lt;number of jar lines&gt;
 * </pre>
 * {@code index} and {@code listing} lines belong to the {@code jar} line above them; the
 * {@code end} line closes the file, so a truncated file is told from a short one. A file that
 * is missing, unreadable, malformed or of another version is ignored as a whole: every jar is then
 * read. Never throws: a cache that cannot be read or written is logged and costs only speed.
 */
final class ListingCache {
  static final String FORMAT = "patchbay-listing-cache";
  static final int VERSION = 1;

  private static final String JAR = "jar\t";
  private static final String INDEX = "index\t";
  private static final String LISTING = "listing\t";
  private static final String END = "end\t";

  /**
   * What the cache knows of one jar.
   *
   * @param fileName the jar's file name in the folder
   * @param size its size in bytes
   * @param modified its modification time in nanoseconds since the epoch
   * @param fileKey the string form of its file key ("null" where the file system has none)
   * @param id the descriptor's id
   * @param version the descriptor's version
   * @param digest the SHA-256 of the jar's descriptor, index service entry and listings, in hex
   *     ({@link JarReader#digest})
   * @param indexClasses the index service file's class names, in order
   * @param listings the text of each listing the jar was listed from, by index class
   */
  record Entry(String fileName, long size, long modified, String fileKey, String id,
      String version, String digest, List<String> indexClasses, Map<String, String> listings) {

    /** Tells whether this entry was made from the file in {@code stamp}. */
    boolean matches(LoadedJar.FileStamp stamp) {
      return size == stamp.size() && modified == nanos(stamp)
          && fileKey.equals(String.valueOf(stamp.fileKey()));
    }
  }

  private final Path file;
  // What is on disk (as far as this directory knows), in file name order; guarded by the
  // directory's lock.
  private List<Entry> written;
  private Map<String, Entry> byName;

  private ListingCache(Path file, List<Entry> entries) {
    this.file = file;
    setEntries(entries);
  }

  private void setEntries(List<Entry> entries) {
    written = List.copyOf(entries);
    byName = new HashMap<>();
    for (Entry entry : entries) {
      byName.put(entry.fileName(), entry);
    }
  }

  /** The cache file. */
  Path file() {
    return file;
  }

  /** Reads {@code file}; a missing or unusable file gives an empty cache (logged unless missing). */
  static ListingCache load(Path file) {
    List<Entry> entries;
    // Read through java.io, already loaded in every JVM: the NIO file channel classes cost an
    // open that finds the cache more than reading it.
    try (FileInputStream in = new FileInputStream(file.toFile())) {
      entries = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (FileNotFoundException e) {
      if (Files.exists(file)) {
        Log.LOG.log(Level.WARNING, "ignoring the plugin listing cache " + file + ", which cannot"
            + " be read (" + JarReader.describe(e) + "); every jar is read instead");
      }
      entries = List.of(); // else the first start: written after the folder is read
    } catch (IOException e) {
      Log.LOG.log(Level.WARNING, "ignoring the plugin listing cache " + file + ", which cannot be"
          + " read (" + JarReader.describe(e) + "); every jar is read instead");
      entries = List.of();
    } catch (IllegalArgumentException e) {
      Log.LOG.log(Level.WARNING, "ignoring the plugin listing cache " + file + ", which "
          + e.getMessage() + "; every jar is read instead, and the cache is written anew");
      entries = List.of();
    }
    return new ListingCache(file, entries);
  }

  /** The entry for the jar named {@code fileName} in the state {@code stamp}, or null. */
  Entry lookup(String fileName, LoadedJar.FileStamp stamp) {
    Entry entry = byName.get(fileName);
    return entry != null && entry.matches(stamp) ? entry : null;
  }

  /**
   * Makes the cache describe the loaded jars of {@code snapshot} that have an entry (jars with a
   * problem, and jars read without listings, have none), and writes it when that changes what is
   * on disk.
   */
  void update(Snapshot snapshot) {
    List<Entry> entries = new ArrayList<>(snapshot.jars().size());
    for (LoadedJar jar : snapshot.jars()) {
      Entry entry = jar.cacheEntry();
      if (entry != null && jar.info().loaded()) {
        entries.add(entry);
      }
    }
    if (same(entries, written)) {
      return;
    }
    setEntries(entries);
    write(format(entries));
  }

  /**
   * Tells whether two entry lists hold the same entries, by identity: a jar listed from the cache
   * carries the very entry read. (Record equality would bootstrap method handles, which an open
   * otherwise avoids.) A jar read anew gives a new entry, and the file is written again even when
   * nothing in it changed.
   */
  @SuppressWarnings("ReferenceEquality") // identity on purpose, see above
  private static boolean same(List<Entry> a, List<Entry> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  private void write(String text) {
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      Path folder = target.getParent();
      Files.createDirectories(folder);
      temp = Files.createTempFile(folder, target.getFileName().toString().concat("."), ".tmp");
      Files.write(temp, text.getBytes(StandardCharsets.UTF_8));
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException | RuntimeException e) {
      Log.LOG.log(Level.WARNING, "cannot write the plugin listing cache " + file + " ("
          + JarReader.describe(e) + "); the next start reads every jar");
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // nothing more to do: the write already failed and was logged
        }
      }
    }
  }

  static long nanos(LoadedJar.FileStamp stamp) {
    return stamp.modified().to(TimeUnit.NANOSECONDS);
  }

  static String format(List<Entry> entries) {
    StringBuilder out = new StringBuilder(256 + entries.size() * 1024);
    out.append(FORMAT).append('\t').append(VERSION).append('\n');
    for (Entry entry : entries) {
      out.append(JAR);
      escape(out, entry.fileName()).append('\t').append(entry.size()).append('\t')
          .append(entry.modified()).append('\t');
      escape(out, entry.fileKey()).append('\t');
      escape(out, entry.id()).append('\t');
      escape(out, entry.version()).append('\t').append(entry.digest()).append('\n');
      for (String name : entry.indexClasses()) {
        out.append(INDEX).append(name).append('\n');
      }
      for (Map.Entry<String, String> listing : entry.listings().entrySet()) {
        // The text as it is, after its length: read back with one substring, not char by char.
        out.append(LISTING).append(listing.getKey()).append('\t')
            .append(listing.getValue().length()).append('\n').append(listing.getValue())
            .append('\n');
      }
    }
    return out.append(END).append(entries.size()).append('\n').toString();
  }

  /**
   * Parses a cache file.
   *
   * @throws IllegalArgumentException saying what is wrong, to follow "the cache X "
   */
  static List<Entry> parse(String text) {
    String header = FORMAT.concat("\t").concat(Integer.toString(VERSION)).concat("\n");
    if (!text.startsWith(header)) {
      int firstEnd = text.indexOf('\n');
      String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
      if (first.startsWith(FORMAT.concat("\t"))) {
        throw new IllegalArgumentException("is in format version '"
            .concat(first.substring(FORMAT.length() + 1)).concat("', but this Patchbay loader")
            .concat(" reads version ").concat(Integer.toString(VERSION)).concat(" only"));
      }
      throw new IllegalArgumentException("does not start with the header '".concat(FORMAT)
          .concat("<tab>").concat(Integer.toString(VERSION)).concat("'"));
    }
    List<Entry> entries = new ArrayList<>();
    String[] jar = null;
    List<String> indexClasses = null;
    Map<String, String> listings = null;
    int line = 1;
    for (int pos = header.length(); ; ) {
      line++;
      int end = text.indexOf('\n', pos);
      if (end < 0) {
        throw new IllegalArgumentException("is truncated: it does not end with the 'end' line");
      }
      String record = text.substring(pos, end);
      pos = end + 1;
      try {
        if (record.startsWith(JAR)) {
          if (jar != null) {
            entries.add(entry(jar, indexClasses, listings));
          }
          jar = fields(record.substring(JAR.length()), 7);
          indexClasses = new ArrayList<>();
          listings = new LinkedHashMap<>();
        } else if (record.startsWith(END)) {
          if (jar != null) {
            entries.add(entry(jar, indexClasses, listings));
          }
          if (pos != text.length()
              || !record.substring(END.length()).equals(Integer.toString(entries.size()))) {
            throw new IllegalArgumentException("the 'end' line does not close the file after"
                + " its " + entries.size() + " jars");
          }
          return entries;
        } else if (jar == null) {
          throw new IllegalArgumentException("a line comes before any jar line");
        } else if (record.startsWith(INDEX)) {
          String name = record.substring(INDEX.length());
          if (!JarReader.binaryName(name)) {
            throw new IllegalArgumentException("not a class name");
          }
          indexClasses.add(name);
        } else if (record.startsWith(LISTING)) {
          String[] fields = fields(record.substring(LISTING.length()), 2);
          int length;
          try {
            length = Integer.parseInt(fields[1]);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the length of a listing is not a number");
          }
          if (length < 0 || length >= text.length() - pos || text.charAt(pos + length) != '\n') {
            throw new IllegalArgumentException("the listing is not followed by a line break after"
                + " its length");
          }
          if (!indexClasses.contains(fields[0])
              || listings.put(fields[0], text.substring(pos, pos + length)) != null) {
            throw new IllegalArgumentException("a listing of no index line, or a second one");
          }
          pos += length + 1;
        } else {
          throw new IllegalArgumentException("a line starts with neither 'jar', 'index',"
              + " 'listing' nor 'end'");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("is malformed at line " + line + ": "
            + e.getMessage(), e);
      }
    }
  }

  private static Entry entry(String[] jar, List<String> indexClasses,
      Map<String, String> listings) {
    if (indexClasses.isEmpty()) {
      throw new IllegalArgumentException("the jar " + jar[0] + " has no index line");
    }
    long size;
    long modified;
    try {
      size = Long.parseLong(jar[1]);
      modified = Long.parseLong(jar[2]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the size or time of " + jar[0] + " is not a number");
    }
    if (jar[6].length() != 64) {
      throw new IllegalArgumentException("the digest of " + jar[0] + " is not a SHA-256");
    }
    return new Entry(jar[0], size, modified, jar[3], jar[4], jar[5], jar[6],
        List.copyOf(indexClasses), java.util.Collections.unmodifiableMap(listings));
  }

  /** Splits {@code line} into exactly {@code count} unescaped tab-separated fields. */
  private static String[] fields(String line, int count) {
    if (line.indexOf('\\') < 0) {
      String[] fields = new String[count];
      int start = 0;
      for (int n = 0; n < count - 1; n++) {
        int tab = line.indexOf('\t', start);
        if (tab < 0) {
          throw new IllegalArgumentException("fewer than " + count + " fields");
        }
        fields[n] = line.substring(start, tab);
        start = tab + 1;
      }
      if (line.indexOf('\t', start) >= 0) {
        throw new IllegalArgumentException("more than " + count + " fields");
      }
      fields[count - 1] = line.substring(start);
      return fields;
    }
    String[] fields = new String[count];
    StringBuilder field = new StringBuilder();
    int n = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        if (n == count - 1) {
          throw new IllegalArgumentException("more than " + count + " fields");
        }
        fields[n++] = field.toString();
        field.setLength(0);
      } else if (c == '\\') {
        if (++i == line.length()) {
          throw new IllegalArgumentException("a backslash ends the line");
        }
        char escaped = line.charAt(i);
        switch (escaped) {
          case 't' -> field.append('\t');
          case 'n' -> field.append('\n');
          case 'r' -> field.append('\r');
          case '\\' -> field.append('\\');
          default -> throw new IllegalArgumentException("unknown escape \\" + escaped);
        }
      } else {
        field.append(c);
      }
    }
    if (n != count - 1) {
      throw new IllegalArgumentException("fewer than " + count + " fields");
    }
    fields[n] = field.toString();
    return fields;
  }

  private static StringBuilder escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\\' -> out.append("\\\\");
        default -> out.append(c);
      }
    }
    return out;
  }
}
