package dev.patchbay.loader;

import dev.patchbay.PluginInfo;
import dev.patchbay.spi.PluginIndex;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * One jar as the directory holds it: its public description, the file state it was read from,
 * the plugins its indexes list and, once a plugin of it is created, its class loader and index
 * instances.
 *
 * <p>A jar whose indexes come with plugin listings is listed from them, read through its central
 * directory ({@link ZipDirectory}) and closed again, or taken from the listing cache without
 * reading it: it holds no file, only the listing texts, until the first lookup that needs its
 * classes {@linkplain #index(int) links} it. Linking opens the jar as a {@code JarFile}, checks
 * that its descriptor, index service entry and listings are still those it was listed from (and,
 * for a jar from the cache, the recorded digest), creates the class loader and the index
 * instances and checks that they list what the listings said. A jar that {@code ZipDirectory}
 * leaves to {@code JarFile} (such as a multi-release jar) keeps that open file until linked. A jar
 * without listings (built by an older Patchbay) is linked when read.
 *
 * <p>This is the only object that references a jar's class loader; the directory drops it (and
 * closes the loader) when the jar is unloaded.
 */
final class LoadedJar {

  /** What identifies one version of a file: size, modification time and file key (inode). */
  record FileStamp(long size, FileTime modified, Object fileKey) {}

  /**
   * One index of the jar and the plugins it lists, per extension point binary name.
   *
   * @param className the index class, as the jar's service file names it
   * @param plugins its plugins per extension point binary name
   */
  record Index(String className, Map<String, List<PluginInfo>> plugins) {}

  /** What linking a jar gives: the class loader and one instance per index, or a problem. */
  record Linked(JarClassLoader loader, List<Index> indexes, List<PluginIndex> instances,
      String problem) {
    static Linked failed(JarClassLoader loader, String problem) {
      return new Linked(loader, List.of(), List.of(), problem);
    }
  }

  final FileStamp stamp;
  private final JarReader reader; // null once linked or failed
  private final List<String> indexClasses; // the service file's names, for linking
  private final Map<String, String> listings; // the listing texts it was listed from
  private final ListingCache.Entry cacheEntry; // null when not to be cached
  private final boolean fromCache; // listed from cacheEntry without opening the file
  // Written under this object's lock; volatile so lookups read them without it.
  private volatile PluginJar info;
  private volatile List<Index> indexes;
  private volatile JarClassLoader loader; // null until linked, and for a jar with a problem
  private volatile List<PluginIndex> instances; // null until linked
  private JarFile file; // guarded by this: open until the class loader takes it or unload
  private boolean unloaded; // guarded by this

  private LoadedJar(PluginJar info, FileStamp stamp, JarReader reader, JarFile file,
      List<String> indexClasses, List<Index> indexes, Map<String, String> listings,
      JarClassLoader loader, List<PluginIndex> instances, ListingCache.Entry cacheEntry,
      boolean fromCache) {
    this.info = info;
    this.listings = listings;
    this.cacheEntry = cacheEntry;
    this.fromCache = fromCache;
    this.stamp = stamp;
    this.reader = reader;
    this.file = file;
    this.indexClasses = indexClasses;
    this.indexes = indexes;
    this.loader = loader;
    this.instances = instances;
  }

  /** A jar that could not be loaded; holds no class loader and no file. */
  static LoadedJar failed(Path path, String id, String version, FileStamp stamp, String problem) {
    return new LoadedJar(new PluginJar(path, id, version, List.of(), Optional.of(problem)), stamp,
        null, null, List.of(), List.of(), Map.of(), null, List.of(), null, false);
  }

  /**
   * A jar listed from its plugin listings, linked on first use; takes over {@code file}, which
   * is null when the jar was listed without keeping it open.
   *
   * @param listings the listing texts it was listed from, by index class
   * @param cacheEntry what the listing cache keeps of the jar, or null without a cache
   * @param fromCache whether it was listed from {@code cacheEntry} without reading the file
   */
  static LoadedJar listed(PluginJar info, FileStamp stamp, JarReader reader, JarFile file,
      List<String> indexClasses, List<Index> indexes, Map<String, String> listings,
      ListingCache.Entry cacheEntry, boolean fromCache) {
    return new LoadedJar(info, stamp, reader, file, List.copyOf(indexClasses),
        List.copyOf(indexes), listings, null, null, cacheEntry, fromCache);
  }

  /** A jar linked when read. */
  static LoadedJar linked(PluginJar info, FileStamp stamp, Linked linked) {
    return new LoadedJar(info, stamp, null, null, List.of(), linked.indexes(), Map.of(),
        linked.loader(), linked.instances(), null, false);
  }

  /** This jar, unloaded, with {@code problem}; closes its class loader or file. */
  LoadedJar withProblem(String problem) {
    unload();
    PluginJar current = info;
    return failed(current.path(), current.id(), current.version(), stamp, problem);
  }

  /** The jar's description; gets a problem if linking it failed. */
  PluginJar info() {
    return info;
  }

  /** The jar's indexes and what they list; empty for a jar with a problem. */
  List<Index> indexes() {
    return indexes;
  }

  /**
   * What the listing cache keeps of this jar, or null: without a cache, and for jars read
   * through their index classes. Jars with a problem are left out of the cache by the caller.
   */
  ListingCache.Entry cacheEntry() {
    return cacheEntry;
  }

  /** Tells whether the jar was listed from the listing cache, without reading its file. */
  boolean fromCache() {
    return fromCache;
  }

  /** The jar's class loader, or null while it is not linked (or has a problem). */
  JarClassLoader loader() {
    return loader;
  }

  String id() {
    return info.id();
  }

  Path path() {
    return info.path();
  }

  /**
   * The instance of index {@code number} of {@link #indexes()}, linking the jar first if needed.
   * Thread-safe: one thread links, the others wait for it.
   *
   * @return the instance, or null when the jar cannot be used: {@link #problem()} says why
   */
  PluginIndex index(int number) {
    List<PluginIndex> linked = instances;
    if (linked == null) {
      PluginJar failed = null;
      synchronized (this) {
        if (instances == null && !unloaded) {
          failed = link();
        }
        linked = instances;
      }
      if (failed != null) {
        reader.linkFailed(this, failed); // outside the lock: it tells the listener
      }
      if (linked == null) {
        return null;
      }
    }
    return number < linked.size() ? linked.get(number) : null;
  }

  /** Why {@link #index(int)} gave null. */
  String problem() {
    synchronized (this) {
      if (unloaded && info.problem().isEmpty()) {
        return "the jar was unloaded by a reload; look the plugin up again in the registry";
      }
    }
    return info.problem().orElse("the jar has no such index");
  }

  /** Links the jar under this object's lock; returns the listed description on failure. */
  private PluginJar link() {
    Linked linked = reader.link(info, file, indexClasses, indexes, listings,
        fromCache ? cacheEntry : null);
    if (linked.problem() == null) {
      file = null; // the class loader owns it now
      loader = linked.loader();
      instances = linked.instances();
      return null;
    }
    if (linked.loader() != null) {
      file = null;
      closeLoader(linked.loader());
    } else {
      closeFile();
    }
    PluginJar listed = info;
    info = new PluginJar(listed.path(), listed.id(), listed.version(), List.of(),
        Optional.of(linked.problem()));
    indexes = List.of();
    instances = List.of();
    return listed;
  }

  /** Closes the class loader (which closes the jar file) or the file; loaded classes keep working. */
  void unload() {
    synchronized (this) {
      if (unloaded) {
        return;
      }
      unloaded = true;
      closeFile();
    }
    JarClassLoader current = loader;
    if (current != null) {
      closeLoader(current);
    }
  }

  private void closeFile() {
    if (file == null) {
      return;
    }
    try {
      file.close();
    } catch (IOException e) {
      Log.LOG.log(Level.WARNING, "closing " + info.path() + " failed", e);
    }
    file = null;
  }

  private void closeLoader(JarClassLoader closing) {
    try {
      closing.close();
    } catch (IOException e) {
      Log.LOG.log(Level.WARNING, "closing the class loader of " + info.describe() + " failed", e);
    }
  }
}
