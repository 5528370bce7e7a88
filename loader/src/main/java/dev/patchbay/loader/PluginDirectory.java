package dev.patchbay.loader;

import dev.patchbay.ExtensionPoint;
import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.spi.PluginIndex;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The plugin jars of one folder, each in its own class loader, with live registries over them.
 *
 * <pre>{@code
 * try (PluginDirectory plugins = PluginDirectory.open(Path.of("plugins"))) {
 *   Registry<Greeter> greeters = plugins.registry(Greeter.class);
 *   greeters.create("hello").greet("Ada");
 *   plugins.reload();
 * }
 * }</pre>
 *
 * <p>Only regular files directly in the folder whose names end in {@code .jar} are read; class
 * names come only from each jar's generated index. Listing a jar reads the plugin listing the
 * processor writes beside its index: no class loader is created and no class is loaded until a
 * plugin of the jar is first created (jars built without listings are read through their index
 * classes, still loading no plugin class). With a {@linkplain Builder#listingCache listing cache},
 * later opens list unchanged jars without opening them at all. A plugin jar runs with the
 * application's rights: load only jars you trust.
 *
 * <p>Thread-safe: {@link #jars()} and registries read an immutable snapshot that
 * {@link #reload()} replaces in one volatile write; reloads and {@link #close()} are serialized.
 */
public final class PluginDirectory implements AutoCloseable {

  private final Path folder;
  private final ClassLoader parent;
  private final JarReader reader;
  private final Consumer<? super PluginEvent> listener; // null without one
  private final Duration debounce; // null: the default, made when watching starts
  private final ListingCache cache; // null without a listing cache
  private static final long DEFAULT_DEBOUNCE_MILLIS = 300;
  private final Object lock = new Object();
  private final Map<Class<?>, DirectoryRegistry<?>> registries = new ConcurrentHashMap<>();
  // The application's own indexes, found once: the parent class loader's jars do not change.
  private volatile List<PluginIndex> applicationIndexes;
  // Replaced as a whole by reload(); volatile so readers see a fully built snapshot.
  private volatile Snapshot snapshot = Snapshot.EMPTY;
  private final AtomicLong linkFailures = new AtomicLong();
  private boolean closed; // guarded by lock
  private Watcher watcher; // guarded by lock

  private PluginDirectory(Builder builder) {
    this.folder = builder.folder;
    this.parent = builder.parent;
    this.cache = builder.listingCache == null ? null : ListingCache.load(builder.listingCache);
    this.reader = new JarReader(builder.parent, new SharedPackages(builder.sharedPackages), this,
        cache);
    this.listener = builder.listener;
    this.debounce = builder.debounce;
  }

  /**
   * Opens {@code folder} with the defaults and loads the jars in it.
   *
   * @param folder the plugin folder
   * @return the open directory
   * @throws IOException when the folder does not exist, is not a directory or cannot be listed
   */
  public static PluginDirectory open(Path folder) throws IOException {
    return builder(folder).open();
  }

  /**
   * Starts configuring a directory over {@code folder}.
   *
   * @param folder the plugin folder
   * @return a builder
   */
  public static Builder builder(Path folder) {
    return new Builder(Objects.requireNonNull(folder, "folder"));
  }

  /**
   * The folder this directory reads.
   *
   * @return the folder
   */
  public Path folder() {
    return folder;
  }

  /**
   * Every jar found by the last load or reload, by file name, with its plugins or its problem.
   *
   * @return an unmodifiable list
   */
  public List<PluginJar> jars() {
    return snapshot.infos();
  }

  /**
   * A live registry of {@code type}: the application's own plugins (those of the parent class
   * loader's jars) plus every loaded jar's. It follows reloads; lookups after a reload see the new
   * jars. The same instance is returned for the same type.
   *
   * @param type an extension point, as the parent class loader sees it
   * @param <T> the extension point type
   * @return the registry
   * @throws IllegalArgumentException when {@code type} is not annotated {@link ExtensionPoint}, or
   *     is not the class the parent class loader gives for its name
   */
  @SuppressWarnings("unchecked")
  public <T> Registry<T> registry(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return (Registry<T>) registries.computeIfAbsent(type, this::newRegistry);
  }

  private DirectoryRegistry<?> newRegistry(Class<?> type) {
    // The annotation is read only when no index knows the type: its first read builds a dynamic
    // proxy, which costs a cold start more than the rest of this method.
    if (!indexed(type.getName()) && !type.isAnnotationPresent(ExtensionPoint.class)) {
      throw new IllegalArgumentException(type.getName() + " is not an extension point: annotate"
          + " it with @dev.patchbay.ExtensionPoint, or ask for the registry of the interface it"
          + " implements");
    }
    Class<?> seen;
    try {
      seen = Class.forName(type.getName(), false, parent);
    } catch (ClassNotFoundException e) {
      seen = null;
    }
    if (seen != type) {
      throw new IllegalArgumentException(type.getName() + " is not visible as this class through"
          + " the directory's parent class loader " + parent + ", so plugins of the jars could"
          + " not implement it: pass the class loader that defines it to"
          + " PluginDirectory.builder(folder).parent(...)");
    }
    return new DirectoryRegistry<>(this, type);
  }

  /** Tells whether the application's or a loaded jar's index knows {@code typeName}. */
  private boolean indexed(String typeName) {
    if (!applicationIndexes(typeName).isEmpty()) {
      return true;
    }
    for (LoadedJar jar : snapshot.jars()) {
      for (LoadedJar.Index index : jar.indexes()) {
        if (index.plugins().containsKey(typeName)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The parent's indexes that know {@code typeName}. */
  List<PluginIndex> applicationIndexes(String typeName) {
    List<PluginIndex> all = applicationIndexes;
    if (all == null) {
      List<PluginIndex> found = new ArrayList<>();
      ServiceLoader.load(PluginIndex.class, parent).forEach(found::add);
      all = List.copyOf(found);
      applicationIndexes = all;
    }
    List<PluginIndex> knowing = new ArrayList<>();
    for (PluginIndex index : all) {
      if (index.extensionPoints().contains(typeName)) {
        knowing.add(index);
      }
    }
    return knowing;
  }

  /**
   * Tells whether the class of {@code plugin}, a plugin of one of the folder's loaded jars, has
   * been loaded: false until the plugin is first created, however often it is listed. For
   * diagnostics; asks the jar's class loader and loads nothing.
   *
   * @param plugin a plugin listed by {@link #jars()} or a registry of this directory
   * @return true when its jar's class loader has loaded the plugin's class; false for plugins of
   *     no loaded jar (the application's own, or of unloaded jars)
   */
  public boolean isClassLoaded(PluginInfo plugin) {
    Objects.requireNonNull(plugin, "plugin");
    for (LoadedJar jar : snapshot.jars()) {
      JarClassLoader loader = jar.loader();
      if (loader != null && jar.info().plugins().contains(plugin)
          && loader.hasLoaded(plugin.implementation())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class loader of the loaded jar with {@code id}, or null when it has none: not yet
   * created (nothing of the jar was created yet), or the jar has a problem. For tests.
   */
  JarClassLoader classLoader(String id) {
    for (LoadedJar jar : snapshot.jars()) {
      if (jar.id().equals(id) && jar.loader() != null) {
        return jar.loader();
      }
    }
    return null;
  }

  /** How many listed jars have failed when linked; registries rebuild their tables when it grows. */
  long linkFailures() {
    return linkFailures.get();
  }

  /**
   * A jar listed from its listing failed when its class loader was created: its plugins leave
   * the registries, and the listener hears of it as {@link PluginEvent.Kind#FAILED}.
   */
  void linkFailed(LoadedJar jar, PluginJar listed) {
    synchronized (lock) {
      linkFailures.incrementAndGet();
      for (DirectoryRegistry<?> registry : registries.values()) {
        registry.invalidate();
      }
      if (closed || snapshot.get(jar.path()) != jar) {
        return; // unloaded meanwhile: the reload or close has said what there is to say
      }
      Log.LOG.log(Level.WARNING, jar.info().problem().orElse(""));
      if (cache != null) {
        cache.update(snapshot); // drops the jar: the next start reads it again
      }
      notifyListener(new PluginEvent(PluginEvent.Kind.FAILED, jar.info(), listed));
    }
  }

  /** The current snapshot; checked against closing by the registries. */
  Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == Snapshot.CLOSED) {
      throw new IllegalStateException("the plugin directory " + folder + " is closed");
    }
    return current;
  }

  /**
   * Reads the folder again: loads new jars, unloads removed ones, and replaces jars whose file
   * changed (size, modification time or file identity). Unchanged jars keep their class loader.
   * The listener hears of every change before this returns.
   *
   * @return what changed
   * @throws IOException when the folder cannot be listed
   * @throws IllegalStateException when the directory is closed
   */
  public ReloadReport reload() throws IOException {
    return load().report();
  }

  /** Does what {@link #reload()} says; the report is made only by those who want it. */
  private Reload load() throws IOException {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the plugin directory " + folder + " is closed");
      }
      Reload reload = Reload.compute(snapshot, Reload.scan(folder), reader, listener != null);
      snapshot = reload.next();
      for (DirectoryRegistry<?> registry : registries.values()) {
        registry.invalidate();
      }
      if (cache != null) {
        cache.update(snapshot);
      }
      // Unload after the swap: no new lookup can reach the old loaders any more.
      for (LoadedJar jar : reload.unloaded()) {
        jar.unload();
      }
      for (PluginEvent event : reload.events()) {
        notifyListener(event);
      }
      return reload;
    }
  }

  private void notifyListener(PluginEvent event) {
    if (listener == null) {
      return;
    }
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      // A failing listener must not leave the directory half reloaded.
      Log.LOG.log(Level.WARNING, "the plugin directory listener failed on " + event, e);
    }
  }

  /**
   * Reloads automatically when the folder changes: a background thread waits on a
   * {@link java.nio.file.WatchService} and calls {@link #reload()} once the folder has been quiet
   * for the debounce period (see {@link Builder#debounce}), so a jar being copied is read once,
   * complete. Calling it again does nothing; {@link #close()} stops it.
   *
   * @throws IOException when the folder cannot be watched
   * @throws IllegalStateException when the directory is closed
   */
  public void watch() throws IOException {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("the plugin directory " + folder + " is closed");
      }
      if (watcher == null) {
        watcher = Watcher.start(this, folder,
            debounce == null ? Duration.ofMillis(DEFAULT_DEBOUNCE_MILLIS) : debounce);
      }
    }
  }

  /**
   * Stops watching, unloads every jar (closing its class loader and file) and makes the
   * registries throw {@link IllegalStateException}. Sends no events. Idempotent.
   */
  @Override
  public void close() {
    Watcher stopping;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = watcher;
      watcher = null;
      Snapshot last = snapshot;
      snapshot = Snapshot.CLOSED;
      for (DirectoryRegistry<?> registry : registries.values()) {
        registry.invalidate();
      }
      last.jars().forEach(LoadedJar::unload);
      reader.close();
    }
    if (stopping != null) {
      stopping.stop(); // outside the lock: the watcher thread may be waiting for it in reload()
    }
  }

  /**
   * Tells whether the loaded jar with {@code id} was listed from the listing cache, without
   * reading its file. For tests.
   */
  boolean listedFromCache(String id) {
    for (LoadedJar jar : snapshot.jars()) {
      if (jar.id().equals(id)) {
        return jar.fromCache();
      }
    }
    throw new IllegalArgumentException("no jar " + id);
  }

  /**
   * Describes the directory for diagnostics: its folder, how many jars it has, and how many of
   * them the last open or reload listed from the listing cache without reading their files.
   *
   * @return for example {@code PluginDirectory[plugins, 12 jars, 11 listed from the listing
   *     cache]}
   */
  @Override
  public String toString() {
    Snapshot current = snapshot;
    int cached = 0;
    for (LoadedJar jar : current.jars()) {
      cached += jar.fromCache() ? 1 : 0;
    }
    return "PluginDirectory[" + folder + ", " + current.jars().size() + " jars"
        + (cache == null ? "" : ", " + cached + " listed from the listing cache") + "]";
  }

  /** Configures a {@link PluginDirectory}. */
  public static final class Builder {
    private final Path folder;
    private ClassLoader parent = PluginDirectory.class.getClassLoader();
    private final Set<String> sharedPackages = new LinkedHashSet<>();
    // Null without a listener: a reload then makes no events at all.
    private Consumer<? super PluginEvent> listener;
    // Null for the default: a Duration made at every open would initialize java.time (and
    // BigInteger) for directories that never watch.
    private Duration debounce;
    private Path listingCache;

    private Builder(Path folder) {
      this.folder = folder;
    }

    /**
     * Sets the class loader every jar's loader delegates to: it must see the extension points and
     * {@code dev.patchbay}. Default: the loader of {@code PluginDirectory}.
     *
     * @param parent the parent class loader
     * @return this builder
     */
    public Builder parent(ClassLoader parent) {
      this.parent = Objects.requireNonNull(parent, "parent");
      return this;
    }

    /**
     * Adds packages (each with its subpackages) that every jar takes from the parent rather than
     * from itself: the application's API types that plugins receive or return. The extension
     * points' own packages and {@code dev.patchbay} are always shared.
     *
     * @param packages package names such as {@code com.acme.api}
     * @return this builder
     * @throws IllegalArgumentException when a name is not a package name
     */
    public Builder sharedPackages(String... packages) {
      for (String name : packages) {
        sharedPackages.add(SharedPackages.validate(name));
      }
      return this;
    }

    /**
     * Sets the listener told of every jar loaded, unloaded, replaced or failed, on the thread
     * that loads or reloads (the watch thread for {@link #watch()}); a jar that fails when its
     * class loader is created on first use (its index does not match its listing) is reported
     * on the thread that created the plugin. Its exceptions are logged.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(Consumer<? super PluginEvent> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how long the folder must stay quiet before {@link #watch()} reloads. Default 300 ms.
     *
     * @param quietPeriod a positive duration
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder debounce(Duration quietPeriod) {
      if (quietPeriod.isNegative() || quietPeriod.isZero()) {
        throw new IllegalArgumentException("the debounce period must be positive, was "
            + quietPeriod);
      }
      this.debounce = quietPeriod;
      return this;
    }

    /**
     * Keeps a persistent listing cache in {@code file}, so that later opens list unchanged jars
     * without opening them. After each open and reload the cache records, for every jar listed
     * from its plugin listings without a problem, its file name, size, modification time and
     * file key, its id and version, the listings and a SHA-256 of them. A jar whose file matches
     * its entry in all four is listed from the entry and opened only when a plugin of it is first
     * created; then its manifest, index service entry and listings must still have the recorded
     * digest, or the jar gets a problem naming the cache. Jars with a problem are always read.
     *
     * <p>The cache is written atomically (a temporary file moved over it) when it changes. A
     * missing, unreadable, malformed or other-version file is ignored, and logged: the jars are
     * then read as without a cache, so the cache can only cost speed, never an open.
     *
     * <p><b>The cache is as trusted as the folder</b>: put it where only the application writes,
     * such as beside the application's other state, not in the plugin folder. No class is ever
     * loaded by a name that comes from the cache: first use checks the jar's own index.
     *
     * @param file the cache file; its folder is created when needed
     * @return this builder
     */
    public Builder listingCache(Path file) {
      this.listingCache = Objects.requireNonNull(file, "file");
      return this;
    }

    /**
     * Opens the directory and loads the jars in the folder; the listener hears of each.
     *
     * @return the open directory
     * @throws IOException when the folder does not exist, is not a directory or cannot be listed
     */
    public PluginDirectory open() throws IOException {
      PluginDirectory directory = new PluginDirectory(this);
      directory.load();
      return directory;
    }
  }
}
