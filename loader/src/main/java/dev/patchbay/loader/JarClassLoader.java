package dev.patchbay.loader;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.SecureClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class loader of one plugin jar: shared packages parent-first, everything else child-first.
 *
 * <p>Shared are {@code java.*}, the packages of the {@code dev.patchbay} module, the packages the
 * application names, and the packages of the extension points the jar's index lists (added once
 * the index is read, before any plugin class loads). They must be one class for the application
 * and every jar, or a plugin would not be an instance of the application's extension point.
 * Everything else is looked up in the JDK's platform loader first (a jar cannot replace a JDK
 * class), then in the jar, then in the parent: two jars bundling two versions of one library each
 * get their own.
 *
 * <p>Classes are defined straight from the {@link JarFile} the directory opened for the jar's
 * first use (or to read a jar without listings), and closing this loader closes that file. (A
 * {@code URLClassLoader} would open the jar a second time and parse its manifest again for every
 * package.) Signatures are not verified: a plugin jar runs with the application's rights whoever
 * signed it.
 */
final class JarClassLoader extends SecureClassLoader implements Closeable {
  // Not registered as parallel capable: class loading locks this loader, which is deadlock-free
  // because a jar's loader only ever delegates upwards, and saves a lock object per class name.

  private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
  private final JarFile jar;
  private final String jarUrl; // "file:/.../x.jar", the base of resource URLs
  private final CodeSource codeSource;
  private final Manifest manifest; // may be null
  private final SharedPackages configured;
  // Packages of the index's extension points; written once while the index is read, then only
  // read. A concurrent set, because class loading may run on any thread.
  private final Set<String> extensionPointPackages = ConcurrentHashMap.newKeySet();
  // Filled by close(): packages with classes in the jar. After close, a class of these packages
  // must not silently come from the parent instead (an old instance would run with another
  // library). Volatile: close() and class loading run on different threads.
  private volatile Set<String> unloadedPackages;

  JarClassLoader(String name, JarFile jar, URL location, Manifest manifest,
      ClassLoader parent, SharedPackages configured) {
    super(name, parent);
    this.jar = jar;
    this.jarUrl = location.toString();
    this.codeSource = new CodeSource(location, (CodeSigner[]) null);
    this.manifest = manifest;
    this.configured = configured;
  }

  /**
   * Loads (without initializing) the index class {@code binaryName} named by the jar's service
   * file, as {@code Class.forName} through this loader would.
   */
  Class<?> indexClass(String binaryName) throws ClassNotFoundException {
    return Class.forName(binaryName, false, this);
  }

  /** Makes the package of {@code extensionPoint} (a binary class name) parent-first. */
  void shareExtensionPoint(String extensionPoint) {
    extensionPointPackages.add(SharedPackages.packageOf(extensionPoint));
  }

  /** Tells whether this loader defined {@code binaryName}; for tests that assert laziness. */
  boolean hasLoaded(String binaryName) {
    synchronized (getClassLoadingLock(binaryName)) {
      return findLoadedClass(binaryName) != null;
    }
  }

  private boolean shared(String binaryName) {
    return configured.contains(binaryName)
        || extensionPointPackages.contains(SharedPackages.packageOf(binaryName));
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = shared(name) ? parentFirst(name) : childFirst(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private Class<?> parentFirst(String name) throws ClassNotFoundException {
    try {
      return getParent().loadClass(name);
    } catch (ClassNotFoundException notInParent) {
      // A plugin may live in its extension point's package; the parent does not have it.
      return findClass(name);
    }
  }

  private Class<?> childFirst(String name) throws ClassNotFoundException {
    try {
      return platform.loadClass(name);
    } catch (ClassNotFoundException notInJdk) {
      // fall through
    }
    Set<String> unloaded = unloadedPackages;
    if (unloaded != null && unloaded.contains(SharedPackages.packageOf(name))) {
      throw new ClassNotFoundException(name + " cannot be loaded any more: its plugin jar ("
          + getName() + ") was unloaded. Create plugins again from the registry after a reload"
          + " instead of keeping instances of unloaded jars.");
    }
    try {
      return findClass(name);
    } catch (ClassNotFoundException notInJar) {
      return getParent().loadClass(name);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (unloadedPackages != null) {
      throw new ClassNotFoundException(name + ": the plugin jar (" + getName() + ") was unloaded");
    }
    JarEntry entry = entry(name.replace('.', '/') + ".class");
    if (entry == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = in.readAllBytes();
    } catch (IOException | IllegalStateException e) {
      throw new ClassNotFoundException(name + " cannot be read from " + jarUrl + ": " + e, e);
    }
    definePackageOf(name);
    return defineClass(name, bytes, 0, bytes.length, codeSource);
  }

  /** The jar's entry {@code name}, or null when it has none or was closed meanwhile. */
  private JarEntry entry(String name) {
    try {
      return jar.getJarEntry(name);
    } catch (IllegalStateException closed) {
      return null;
    }
  }

  /** Defines the package of {@code name} once, with the manifest's title, version and vendor. */
  private void definePackageOf(String name) {
    String pkg = SharedPackages.packageOf(name);
    if (pkg.isEmpty() || getDefinedPackage(pkg) != null) {
      return;
    }
    Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
    try {
      definePackage(pkg,
          main.getValue(Attributes.Name.SPECIFICATION_TITLE),
          main.getValue(Attributes.Name.SPECIFICATION_VERSION),
          main.getValue(Attributes.Name.SPECIFICATION_VENDOR),
          main.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
          main.getValue(Attributes.Name.IMPLEMENTATION_VERSION),
          main.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), null);
    } catch (IllegalArgumentException definedMeanwhile) {
      // another thread defined it first (classes of one package load under different locks)
    }
  }

  @Override
  public URL getResource(String name) {
    // Resources follow classes: the jar's own first, so a bundled library finds its files.
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    // Read from the open jar, not through a jar: URL, whose connection the JDK may cache with
    // its own open copy of the file. Closing this loader closes the stream.
    if (unloadedPackages == null) {
      JarEntry entry = entry(name);
      if (entry != null && !entry.isDirectory()) {
        try {
          return jar.getInputStream(entry);
        } catch (IOException | IllegalStateException e) {
          return null;
        }
      }
    }
    return getParent().getResourceAsStream(name);
  }

  @Override
  protected URL findResource(String name) {
    if (unloadedPackages != null || entry(name) == null) {
      return null;
    }
    try {
      return new URL("jar:" + jarUrl + "!/" + name);
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
  }

  /** Closes the jar file; classes already loaded keep working, new ones do not load. */
  @Override
  public void close() throws IOException {
    synchronized (this) {
      if (unloadedPackages != null) {
        return;
      }
      Set<String> packages = new HashSet<>();
      try {
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
          String entryName = entries.nextElement().getName();
          if (entryName.endsWith(".class") && !entryName.startsWith("META-INF/")) {
            int slash = entryName.lastIndexOf('/');
            packages.add(slash < 0 ? "" : entryName.substring(0, slash).replace('/', '.'));
          }
        }
      } catch (IllegalStateException alreadyClosed) {
        // nothing more to protect
      }
      unloadedPackages = Set.copyOf(packages);
    }
    jar.close();
  }
}
