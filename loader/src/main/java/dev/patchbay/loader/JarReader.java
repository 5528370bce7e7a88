package dev.patchbay.loader;

import dev.patchbay.PluginInfo;
import dev.patchbay.spi.PluginIndex;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads one jar: its descriptor from the manifest, then what its generated plugin indexes list.
 * Never throws for a bad jar: every failure becomes the jar's problem.
 *
 * <p>Where each index named by the jar's service file has its plugin listing beside it, the jar
 * is listed from the listings alone: no class loader, no class. They are read through the jar's
 * central directory ({@link ZipDirectory}) and the file is closed again; a jar it declines (such
 * as a multi-release jar) is read with {@code JarFile}, kept open for its class loader. When a
 * plugin is first needed ({@link #link}) the jar is opened as a {@code JarFile} if it is not
 * open, checked to be still what was listed, given its class loader and its index classes
 * defined, and the indexes must then list exactly what the listings said. A jar without listings
 * is linked at once.
 *
 * <p>With a {@link ListingCache}, a jar whose file state matches its cache entry is listed from
 * the entry without being opened; linking it opens it and first checks that its descriptor,
 * index service entry and listings still have the digest the entry recorded.
 */
final class JarReader {
  /**
   * The service file the processor writes into every jar it compiles plugins for: that of
   * {@code PluginIndex}, written out so that listing does not load the interface.
   */
  static final String INDEX_SERVICE = "META-INF/services/dev.patchbay.spi.PluginIndex";
  /** Manifest attribute naming the plugin id. */
  static final String ID_ATTRIBUTE = "Patchbay-Plugin-Id";
  /** Manifest attribute naming the plugin version. */
  static final String VERSION_ATTRIBUTE = "Implementation-Version";
  private static final String MULTI_RELEASE = "Multi-Release";

  private static final String REBUILD = " Rebuild the plugin jar with the Patchbay processor of"
      + " the version this application's patchbay-annotations jar comes from.";

  private final ClassLoader parent;
  private final SharedPackages shared;
  private final PluginDirectory directory;
  private final ListingCache cache; // null without a listing cache
  private final File folderFile; // the plugin folder
  // Inflates the entries listing reads, jar after jar: one native stream rather than one a jar.
  // Used under the directory's lock (reloads are serialized), made on first use, ended by close.
  private Inflater inflater;

  /**
   * Creates a reader.
   *
   * @param directory told of a listed jar that failed when linked on first use
   * @param cache the listing cache to list unchanged jars from, or null
   */
  JarReader(ClassLoader parent, SharedPackages shared, PluginDirectory directory,
      ListingCache cache) {
    this.folderFile = directory.folder().toFile();
    this.parent = parent;
    this.shared = shared;
    this.directory = directory;
    this.cache = cache;
  }

  /** Frees the inflater listing used; called when the directory closes, under its lock. */
  void close() {
    if (inflater != null) {
      inflater.end();
      inflater = null;
    }
  }

  /** Tells the directory that {@code jar}, listed as {@code listed}, failed when linked. */
  void linkFailed(LoadedJar jar, PluginJar listed) {
    directory.linkFailed(jar, listed);
  }

  /** What the manifest or, failing that, the file name says the jar is. */
  record Descriptor(String id, String version) {
    static Descriptor of(Path path, Manifest manifest) {
      Descriptor fromName = fromFileName(path.getFileName().toString());
      if (manifest == null) {
        return fromName;
      }
      Attributes main = manifest.getMainAttributes();
      return of(fromName, main.getValue(ID_ATTRIBUTE), main.getValue(VERSION_ATTRIBUTE));
    }

    /** The manifest's id and version (null when absent), else those of the file name. */
    static Descriptor of(Descriptor fromName, String manifestId, String manifestVersion) {
      String id = trimmed(manifestId);
      String version = trimmed(manifestVersion);
      return new Descriptor(id.isEmpty() ? fromName.id() : id,
          version.isEmpty() ? fromName.version() : version);
    }

    /** "shout-2.0.1.jar" → (shout, 2.0.1); "shout.jar" → (shout, ""): the version starts at the
     * first "-" followed by a digit. */
    static Descriptor fromFileName(String fileName) {
      String base = fileName.substring(0, fileName.length() - ".jar".length());
      for (int i = 1; i < base.length() - 1; i++) {
        if (base.charAt(i) == '-' && Character.isDigit(base.charAt(i + 1))) {
          return new Descriptor(base.substring(0, i), base.substring(i + 1));
        }
      }
      return new Descriptor(base, "");
    }

    private static String trimmed(String value) {
      return value == null ? "" : value.trim();
    }
  }

  /**
   * Reads the jar {@code path}, named {@code fileName} in its folder, in the state {@code stamp}.
   */
  LoadedJar read(Path path, String fileName, LoadedJar.FileStamp stamp) {
    if (cache != null) {
      ListingCache.Entry entry = cache.lookup(fileName, stamp);
      if (entry != null) {
        LoadedJar cached = fromCache(path, stamp, entry);
        if (cached != null) {
          return cached;
        }
      }
    }
    Descriptor descriptor = Descriptor.fromFileName(fileName);
    ZipDirectory zip = null;
    try {
      // The folder's File and the name: cheaper than Path.toFile, which normalizes the whole path.
      if (inflater == null) {
        inflater = new Inflater(true);
      }
      zip = ZipDirectory.open(new File(folderFile, fileName), inflater);
      LoadedJar listed = zip == null ? null : readListed(zip, path, stamp, descriptor);
      if (listed != null) {
        return listed;
      }
    } catch (IOException | RuntimeException e) {
      return failed(path, descriptor, stamp, "cannot read " + path + " as a jar: " + describe(e)
          + ". Replace it with a complete jar file.");
    } finally {
      closeQuietly(zip);
    }
    // Declined by ZipDirectory, or without listings: read with JarFile.
    JarFile jar = null;
    try {
      // Opened once: the jar's class loader defines classes from this file and closes it.
      jar = new JarFile(path.toFile(), /* verify= */ false, ZipFile.OPEN_READ, Runtime.version());
      Manifest manifest = jar.getManifest();
      descriptor = Descriptor.of(path, manifest);
      ZipEntry service = jar.getEntry(INDEX_SERVICE);
      List<String> indexClasses = service == null ? List.of() : serviceNames(jar, service);
      String problem = checkIndex(jar, path, service, indexClasses);
      if (problem != null) {
        jar.close();
        return failed(path, descriptor, stamp, problem);
      }
      if (allListed(jar, indexClasses)) {
        List<LoadedJar.Index> listed = new ArrayList<>(indexClasses.size());
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : indexClasses) {
          texts.put(name, new String(bytes(jar, PluginListing.entryName(name)),
              StandardCharsets.UTF_8));
        }
        problem = readListings(texts, path, indexClasses, listed);
        if (problem == null && listed.isEmpty()) {
          problem = allShared(path);
        }
        if (problem != null) {
          jar.close();
          return failed(path, descriptor, stamp, problem);
        }
        LoadedJar loaded = LoadedJar.listed(info(path, descriptor, listed), stamp, this, jar,
            indexClasses, listed, texts,
            cacheEntry(jar, path, stamp, descriptor, indexClasses, texts), false);
        jar = null; // the loaded jar owns it now
        return loaded;
      }
      // Built by a Patchbay that wrote no listings: the index classes themselves tell.
      JarClassLoader loader = newLoader(descriptor.id(), jar, path, manifest);
      jar = null; // the loader owns it now
      LoadedJar.Linked linked = loadIndexes(loader, path, indexClasses);
      if (linked.problem() != null) {
        close(loader);
        return failed(path, descriptor, stamp, linked.problem());
      }
      return LoadedJar.linked(info(path, descriptor, linked.indexes()), stamp, linked);
    } catch (IOException | RuntimeException e) {
      closeQuietly(jar);
      return failed(path, descriptor, stamp, "cannot read " + path + " as a jar: " + describe(e)
          + ". Replace it with a complete jar file.");
    }
  }

  /** Checks the index service entry and the classes it names; returns the problem, or null. */
  private static String checkIndex(JarFile jar, Path path, ZipEntry service,
      List<String> indexClasses) {
    String problem = indexProblem(path, service != null, indexClasses);
    for (int i = 0; problem == null && i < indexClasses.size(); i++) {
      if (jar.getEntry(classEntry(indexClasses.get(i))) == null) {
        problem = missingClass(path, indexClasses.get(i));
      }
    }
    return problem;
  }

  /**
   * Checks that the jar has an index service entry naming classes; returns the problem, or null.
   * Whether the jar holds those classes is the caller's to check ({@link #missingClass}).
   */
  private static String indexProblem(Path path, boolean hasService, List<String> indexClasses) {
    if (!hasService) {
      return path.getFileName() + " has no Patchbay plugin index (no " + INDEX_SERVICE
          + " entry): it was built without the Patchbay annotation processor, or has no @Plugin"
          + " class. Add dev.patchbay:patchbay-processor to the annotation processor path of the"
          + " plugin's build and rebuild the jar.";
    }
    if (indexClasses.isEmpty()) {
      return path.getFileName() + " has an empty " + INDEX_SERVICE + ": rebuild the jar with the"
          + " Patchbay annotation processor.";
    }
    for (String name : indexClasses) {
      if (!binaryName(name)) {
        return INDEX_SERVICE + " in " + path + " lists '" + name + "', which is not a class name."
            + " Rebuild the jar with the Patchbay annotation processor.";
      }
    }
    return null;
  }

  /** The entry name of the class {@code binaryName}. */
  private static String classEntry(String binaryName) {
    return binaryName.replace('.', '/').concat(".class");
  }

  private static String missingClass(Path path, String indexClass) {
    return INDEX_SERVICE + " in " + path + " lists " + indexClass + ", but the jar has no such"
        + " class. Rebuild the jar: its index and classes come from different builds.";
  }

  /**
   * Closes a class loader made here. Typed so: handing it to a parameter of a supertype would
   * make the verifier load the class loader's class on listing, which creates none.
   */
  private static void close(JarClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // already failing; the problem names the first cause
    }
  }

  private static void closeQuietly(java.io.Closeable jar) {
    if (jar != null) {
      try {
        jar.close();
      } catch (IOException e) {
        // already failing; the problem names the first cause
      }
    }
  }

  /** Tells whether every index class has its plugin listing beside it. */
  private static boolean allListed(JarFile jar, List<String> indexClasses) {
    for (String name : indexClasses) {
      if (jar.getEntry(PluginListing.entryName(name)) == null) {
        return false;
      }
    }
    return true;
  }

  /** The cache entry of a jar just listed from {@code jar}, or null without a cache. */
  private ListingCache.Entry cacheEntry(JarFile jar, Path path, LoadedJar.FileStamp stamp,
      Descriptor descriptor, List<String> indexClasses, Map<String, String> texts) {
    if (cache == null) {
      return null;
    }
    String digest;
    try {
      digest = digest(jar, descriptor, indexClasses);
    } catch (IOException e) {
      return null; // read again next time rather than cached without a digest
    }
    return entry(path, stamp, descriptor, digest, indexClasses, texts);
  }

  /** The cache entry of a jar listed from {@code texts}, whose listed parts have {@code digest}. */
  private static ListingCache.Entry entry(Path path, LoadedJar.FileStamp stamp,
      Descriptor descriptor, String digest, List<String> indexClasses, Map<String, String> texts) {
    return new ListingCache.Entry(path.getFileName().toString(), stamp.size(),
        ListingCache.nanos(stamp), String.valueOf(stamp.fileKey()), descriptor.id(),
        descriptor.version(), digest, List.copyOf(indexClasses), texts);
  }

  /**
   * Lists a jar from its plugin listings through {@code zip}, without a class loader; returns
   * null when the jar is to be read with {@code JarFile} instead: a multi-release jar (whose
   * classes may come from versioned entries, which {@code JarFile} resolves), or one whose
   * indexes have no listings. The jar is
   * opened again as a {@code JarFile} when a plugin of it is first created, and checked then
   * against what was read here.
   */
  private LoadedJar readListed(ZipDirectory zip, Path path, LoadedJar.FileStamp stamp,
      Descriptor fromName) throws IOException {
    int manifestEntry = zip.find(ZipDirectory.MANIFEST, false);
    if (manifestEntry < 0) {
      manifestEntry = zip.find(ZipDirectory.MANIFEST, true);
    }
    Descriptor descriptor = fromName;
    if (manifestEntry >= 0) {
      String[] values = ManifestAttributes.read(zip.read(manifestEntry), ID_ATTRIBUTE,
          VERSION_ATTRIBUTE, MULTI_RELEASE);
      if (values[2] != null && values[2].trim().equalsIgnoreCase("true")) {
        return null; // its classes may come from versioned entries: JarFile knows them
      }
      descriptor = Descriptor.of(fromName, values[0], values[1]);
    }
    int serviceEntry = zip.find(INDEX_SERVICE, false);
    byte[] service = serviceEntry < 0 ? null : zip.read(serviceEntry);
    List<String> indexClasses = service == null ? List.of()
        : serviceNames(new String(service, StandardCharsets.UTF_8));
    String problem = indexProblem(path, service != null, indexClasses);
    for (int i = 0; problem == null && i < indexClasses.size(); i++) {
      if (zip.find(classEntry(indexClasses.get(i)), false) < 0) {
        problem = missingClass(path, indexClasses.get(i));
      }
    }
    if (problem != null) {
      return failed(path, descriptor, stamp, problem);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    List<byte[]> raw = cache == null ? null : new ArrayList<>(indexClasses.size());
    for (String name : indexClasses) {
      int listingEntry = zip.find(PluginListing.entryName(name), false);
      if (listingEntry < 0) {
        return null; // built by a Patchbay that wrote no listings: its index classes tell
      }
      byte[] bytes = zip.read(listingEntry);
      texts.put(name, new String(bytes, StandardCharsets.UTF_8));
      if (raw != null) {
        raw.add(bytes);
      }
    }
    List<LoadedJar.Index> listed = new ArrayList<>(indexClasses.size());
    problem = readListings(texts, path, indexClasses, listed);
    if (problem == null && listed.isEmpty()) {
      problem = allShared(path);
    }
    if (problem != null) {
      return failed(path, descriptor, stamp, problem);
    }
    String digest = raw == null ? null : digest(descriptor, service, indexClasses, raw);
    return LoadedJar.listed(info(path, descriptor, listed), stamp, this, null, indexClasses,
        listed, texts,
        digest == null ? null : entry(path, stamp, descriptor, digest, indexClasses, texts),
        false);
  }

  /**
   * A jar listed from its cache entry without opening it, or null when the entry cannot list it
   * under this directory's configuration (a listing it did not need before, or one it cannot
   * parse): the jar is then read.
   */
  private LoadedJar fromCache(Path path, LoadedJar.FileStamp stamp, ListingCache.Entry entry) {
    List<LoadedJar.Index> listed = new ArrayList<>(entry.indexClasses().size());
    String problem = readListings(entry.listings(), path, entry.indexClasses(), listed);
    if (problem != null || listed.isEmpty()) {
      return null;
    }
    Descriptor descriptor = new Descriptor(entry.id(), entry.version());
    return LoadedJar.listed(info(path, descriptor, listed), stamp, this, null,
        entry.indexClasses(), listed, entry.listings(), entry, true);
  }

  /**
   * The SHA-256, in hex, of what a jar is listed from: its descriptor, its index service entry
   * and the listing entry of each index class (each part with its length, a missing entry
   * marked as such).
   */
  static String digest(JarFile jar, Descriptor descriptor, List<String> indexClasses)
      throws IOException {
    List<byte[]> listings = new ArrayList<>(indexClasses.size());
    for (String name : indexClasses) {
      listings.add(bytes(jar, PluginListing.entryName(name)));
    }
    return digest(descriptor, bytes(jar, INDEX_SERVICE), indexClasses, listings);
  }

  /**
   * The digest of {@link #digest(JarFile, Descriptor, List)} from the bytes already read: the
   * index service entry and the listing of each index class, in order (null where missing).
   */
  static String digest(Descriptor descriptor, byte[] service, List<String> indexClasses,
      List<byte[]> listings) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    feed(sha, descriptor.id().getBytes(StandardCharsets.UTF_8));
    feed(sha, descriptor.version().getBytes(StandardCharsets.UTF_8));
    feed(sha, service);
    for (int i = 0; i < indexClasses.size(); i++) {
      feed(sha, indexClasses.get(i).getBytes(StandardCharsets.UTF_8));
      feed(sha, listings.get(i));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void feed(MessageDigest sha, byte[] part) {
    int length = part == null ? -1 : part.length;
    sha.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
        (byte) length});
    if (part != null) {
      sha.update(part);
    }
  }

  private static byte[] bytes(JarFile jar, String entryName) throws IOException {
    ZipEntry entry = jar.getEntry(entryName);
    if (entry == null) {
      return null;
    }
    try (InputStream in = jar.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  /**
   * Checks a jar listed without keeping it open (through {@link ZipDirectory}, or from the
   * listing cache), now opened for its first use, against what it was listed from; returns the
   * problem, or null when the jar still has the descriptor, index service names and listing
   * texts it was listed with. A jar listed from the cache must also still have the digest the
   * cache recorded.
   *
   * @param cached the cache entry the jar was listed from, or null
   */
  private String checkListed(JarFile jar, PluginJar info, List<String> indexClasses,
      Map<String, String> listings, ListingCache.Entry cached) throws IOException {
    Path path = info.path();
    Descriptor descriptor = Descriptor.of(path, jar.getManifest());
    ZipEntry service = jar.getEntry(INDEX_SERVICE);
    List<String> names = service == null ? List.of() : serviceNames(jar, service);
    boolean same = names.equals(indexClasses) && sameListings(jar, listings);
    if (cached != null) {
      if (same && digest(jar, descriptor, names).equals(cached.digest())) {
        return checkIndex(jar, path, service, names);
      }
      return "the plugin listing cache " + cache.file() + " does not describe " + path + " as it"
          + " is now: the jar's manifest, index service entry or plugin listings differ from the"
          + " cache entry, although its size, modification time and file key are the same (the"
          + " jar was rewritten in place, or the cache was edited). Its plugins are not used."
          + " Reopen the directory to read the jar again (its cache entry is dropped), deploy"
          + " jars by moving a new file into the folder rather than rewriting one, and keep the"
          + " cache where only the application writes.";
    }
    if (same && descriptor.id().equals(info.id()) && descriptor.version().equals(info.version())) {
      return checkIndex(jar, path, service, names);
    }
    return path + " is not the jar that was listed: its manifest, index service entry or plugin"
        + " listings changed since (the file was rewritten or replaced). Its plugins are not"
        + " used. Call reload() to read it again, and deploy jars by moving a new file into the"
        + " folder rather than rewriting one.";
  }

  /** Tells whether the jar's own listings are the texts it was listed from, by index class. */
  private static boolean sameListings(JarFile jar, Map<String, String> listings)
      throws IOException {
    for (Map.Entry<String, String> listing : listings.entrySet()) {
      byte[] bytes = bytes(jar, PluginListing.entryName(listing.getKey()));
      if (bytes == null
          || !new String(bytes, StandardCharsets.UTF_8).equals(listing.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** Problem of readListings for a listing the cache entry does not hold. */
  private static final String NOT_CACHED = "not cached";

  /**
   * Parses the listing of every index class into {@code listed}, leaving out the indexes the
   * class loader would take from the parent (see {@link #loadIndexes}); returns the problem, or
   * null. Defines no class: whether the parent has an index class is asked as a resource.
   *
   * @param texts the listings' texts by index class
   */
  private String readListings(Map<String, String> texts, Path path, List<String> indexClasses,
      List<LoadedJar.Index> listed) {
    Set<String> pointPackages = null; // packages of the points of the indexes before
    for (String name : indexClasses) {
      if ((shared.contains(name) || (pointPackages != null
          && pointPackages.contains(SharedPackages.packageOf(name))))
          && parent.getResource(classEntry(name)) != null) {
        continue;
      }
      String text = texts.get(name);
      if (text == null) {
        return NOT_CACHED;
      }
      Map<String, List<PluginInfo>> byPoint;
      try {
        byPoint = PluginListing.parse(text);
      } catch (IllegalArgumentException e) {
        return "the plugin listing " + PluginListing.entryName(name) + " in " + path + " "
            + e.getMessage() + "." + REBUILD;
      }
      if (indexClasses.size() > 1) {
        if (pointPackages == null) {
          pointPackages = new HashSet<>();
        }
        for (String point : byPoint.keySet()) {
          pointPackages.add(SharedPackages.packageOf(point));
        }
      }
      listed.add(new LoadedJar.Index(name, byPoint));
    }
    return null;
  }

  /**
   * Creates the class loader of a jar listed from its listings and its index instances, and
   * checks that the indexes list what the listings said.
   *
   * @param info the jar as listed
   * @param file its open file, which the class loader takes over (closed by the caller on a
   *     problem without a loader), or null for a jar listed without keeping it open (through
   *     {@link ZipDirectory} or from the listing cache): it is opened here (and closed here on
   *     such a problem) and checked against what it was listed from
   * @param indexClasses the names of the jar's index service file
   * @param listed what the listings said
   * @param listings the listing texts the jar was listed from, by index class
   * @param cached the cache entry the jar was listed from, or null
   * @return the loader and instances, or a problem (with the loader to close, if one was made)
   */
  LoadedJar.Linked link(PluginJar info, JarFile file, List<String> indexClasses,
      List<LoadedJar.Index> listed, Map<String, String> listings, ListingCache.Entry cached) {
    JarFile opened = null;
    JarClassLoader loader;
    try {
      if (file == null) {
        opened = new JarFile(info.path().toFile(), /* verify= */ false, ZipFile.OPEN_READ,
            Runtime.version());
        file = opened;
        String problem = checkListed(opened, info, indexClasses, listings, cached);
        if (problem != null) {
          closeQuietly(opened);
          return LoadedJar.Linked.failed(null, problem);
        }
      }
      loader = newLoader(info.id(), file, info.path(), file.getManifest());
    } catch (IOException | RuntimeException e) {
      closeQuietly(opened);
      return LoadedJar.Linked.failed(null, "cannot read " + info.path() + " as a jar: "
          + describe(e) + ". Replace it with a complete jar file.");
    }
    LoadedJar.Linked linked = loadIndexes(loader, info.path(), indexClasses);
    if (linked.problem() != null) {
      return LoadedJar.Linked.failed(loader, linked.problem());
    }
    if (!linked.indexes().equals(listed)) {
      return LoadedJar.Linked.failed(loader, mismatch(info.path(), listed, linked.indexes()));
    }
    return linked;
  }

  private JarClassLoader newLoader(String id, JarFile jar, Path path, Manifest manifest)
      throws IOException {
    return new JarClassLoader("plugin jar " + id, jar, path.toUri().toURL(), manifest, parent,
        shared);
  }

  /**
   * Loads the index classes named by the service file and reads what they list. An index class
   * in a package shared with the parent comes from the parent and is left out: it is a bundled
   * copy of an application jar's index, whose plugins the application contributes itself.
   */
  private LoadedJar.Linked loadIndexes(JarClassLoader loader, Path path,
      List<String> indexClasses) {
    List<LoadedJar.Index> indexes = new ArrayList<>(indexClasses.size());
    List<PluginIndex> instances = new ArrayList<>(indexClasses.size());
    String current = indexClasses.get(0);
    try {
      for (String name : indexClasses) {
        current = name;
        // Names come only from the jar's own index service file, checked above to be classes
        // of this jar; initialize=false: nothing runs until the index is constructed below.
        Class<?> type = loader.indexClass(name);
        if (type.getClassLoader() != loader) {
          continue;
        }
        if (!PluginIndex.class.isAssignableFrom(type)) {
          return LoadedJar.Linked.failed(loader, "the plugin index " + name + " in " + path
              + " does not implement this application's " + PluginIndex.class.getName()
              + " (it was compiled against another copy or version of it)." + REBUILD);
        }
        PluginIndex index = type.asSubclass(PluginIndex.class).getConstructor().newInstance();
        Map<String, List<PluginInfo>> byPoint = new LinkedHashMap<>();
        Set<String> points = new TreeSet<>(index.extensionPoints());
        for (String point : points) {
          loader.shareExtensionPoint(point);
        }
        for (String point : points) {
          // Copied: the lists stay valid (and hold no jar class) after the jar is unloaded.
          byPoint.put(point, List.copyOf(index.plugins(point)));
        }
        indexes.add(new LoadedJar.Index(name, Map.copyOf(byPoint)));
        instances.add(index);
      }
    } catch (InvocationTargetException e) {
      return LoadedJar.Linked.failed(loader, incompatible(current, path, e.getCause()));
    } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
      return LoadedJar.Linked.failed(loader, incompatible(current, path, e));
    }
    if (indexes.isEmpty()) {
      return LoadedJar.Linked.failed(loader, allShared(path));
    }
    return new LoadedJar.Linked(loader, List.copyOf(indexes), List.copyOf(instances), null);
  }

  private static String incompatible(String indexClass, Path path, Throwable cause) {
    if (cause instanceof UnsupportedClassVersionError) {
      return "the plugin index " + indexClass + " in " + path + " was compiled for a newer Java"
          + " than this JVM " + Runtime.version().feature() + " (" + describe(cause) + ")."
          + " Compile the plugin with --release " + Runtime.version().feature() + " or lower,"
          + " or run the application on a newer Java.";
    }
    return "the plugin index " + indexClass + " in " + path + " cannot be read by this"
        + " application; it was probably written by an incompatible Patchbay version ("
        + describe(cause) + ")." + REBUILD;
  }

  private static String allShared(Path path) {
    return "every plugin index in " + path + " belongs to a package shared with the application,"
        + " so the jar adds nothing: it bundles the application's own plugins. Remove it, or stop"
        + " sharing those packages.";
  }

  /** The jar's description: every plugin of its indexes, extension points in name order. */
  private static PluginJar info(Path path, Descriptor descriptor, List<LoadedJar.Index> indexes) {
    if (indexes.size() == 1 && indexes.get(0).plugins().size() == 1) {
      // The usual jar: its one listing's list, already unmodifiable, is the jar's.
      return new PluginJar(path, descriptor.id(), descriptor.version(),
          indexes.get(0).plugins().entrySet().iterator().next().getValue(), Optional.empty());
    }
    List<PluginInfo> all = new ArrayList<>();
    for (LoadedJar.Index index : indexes) {
      Map<String, List<PluginInfo>> byPoint = index.plugins();
      for (List<PluginInfo> plugins : byPoint.size() == 1 ? byPoint.values()
          : new TreeMap<>(byPoint).values()) {
        all.addAll(plugins);
      }
    }
    return new PluginJar(path, descriptor.id(), descriptor.version(), all, Optional.empty());
  }

  /** Says how what the index classes list differs from what their listings said. */
  static String mismatch(Path path, List<LoadedJar.Index> listed, List<LoadedJar.Index> actual) {
    String detail = null;
    String indexClass = listed.isEmpty() ? actual.get(0).className() : listed.get(0).className();
    List<String> listedNames = listed.stream().map(LoadedJar.Index::className).toList();
    List<String> actualNames = actual.stream().map(LoadedJar.Index::className).toList();
    if (!listedNames.equals(actualNames)) {
      detail = "the listings describe the indexes " + listedNames + ", but the jar's classes give "
          + actualNames;
    }
    for (int i = 0; detail == null && i < listed.size(); i++) {
      Map<String, List<PluginInfo>> said = listed.get(i).plugins();
      Map<String, List<PluginInfo>> does = actual.get(i).plugins();
      indexClass = listed.get(i).className();
      if (!said.keySet().equals(does.keySet())) {
        detail = "the listing names the extension points " + new TreeSet<>(said.keySet())
            + ", the index " + new TreeSet<>(does.keySet());
        break;
      }
      for (String point : new TreeSet<>(said.keySet())) {
        List<PluginInfo> saidPlugins = said.get(point);
        List<PluginInfo> doesPlugins = does.get(point);
        if (!saidPlugins.equals(doesPlugins)) {
          detail = "for " + point + " the listing has " + describe(saidPlugins) + ", the index "
              + describe(doesPlugins);
          for (int p = 0; describe(saidPlugins).equals(describe(doesPlugins)); p++) {
            if (!saidPlugins.get(p).equals(doesPlugins.get(p))) {
              detail = "for " + point + " the listing has " + saidPlugins.get(p) + ", the index "
                  + doesPlugins.get(p);
              break;
            }
          }
          break;
        }
      }
    }
    return "the plugin listing " + PluginListing.entryName(indexClass) + " in " + path
        + " does not match its index class " + indexClass + ": " + detail + ". The jar was"
        + " changed after it was built, or put together from two builds: rebuild it with the"
        + " Patchbay processor and replace it.";
  }

  private static String describe(List<PluginInfo> plugins) {
    List<String> names = plugins.stream().map(p -> p.name() + " (" + p.implementation() + ")")
        .toList();
    return names.isEmpty() ? "no plugins" : String.join(", ", names);
  }

  private static LoadedJar failed(Path path, Descriptor descriptor, LoadedJar.FileStamp stamp,
      String problem) {
    return LoadedJar.failed(path, descriptor.id(), descriptor.version(), stamp, problem);
  }

  /** The class names of a service file: one a line, '#' starts a comment. */
  private static List<String> serviceNames(JarFile jar, ZipEntry service) throws IOException {
    try (InputStream in = jar.getInputStream(service)) {
      // A few bytes: read at once rather than through a Reader, which is slow to start cold.
      return serviceNames(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** The class names of a service file's text. */
  private static List<String> serviceNames(String text) {
    List<String> names = new ArrayList<>(1);
    for (int start = 0, end; start < text.length(); start = end + 1) {
      end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      int comment = line.indexOf('#');
      String name = (comment < 0 ? line : line.substring(0, comment)).trim();
      if (!name.isEmpty() && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Whether {@code name} is a binary class name: dot-separated Java identifiers. */
  @SuppressWarnings("LoopOverCharArray") // the copy is on purpose, see the loop
  static boolean binaryName(String name) {
    boolean partStart = true;
    // Over a copy of the chars: no call per char while this code still runs interpreted.
    for (char c : name.toCharArray()) {
      if (c == '.') {
        if (partStart) {
          return false;
        }
        partStart = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'
          || (!partStart && c >= '0' && c <= '9')) {
        partStart = false; // the usual chars, told without asking Character's tables
      } else if (partStart ? Character.isJavaIdentifierStart(c)
          : Character.isJavaIdentifierPart(c)) {
        partStart = false;
      } else {
        return false;
      }
    }
    return !partStart;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
