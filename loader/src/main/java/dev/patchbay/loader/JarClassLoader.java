package dev.patchbay.loader;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 */
final class JarClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
  private final SharedPackages configured;
  // Packages of the index's extension points; written once while the index is read, then only
  // read. A concurrent set, because class loading may run on any thread.
  private final Set<String> extensionPointPackages = ConcurrentHashMap.newKeySet();

  // The packages that have classes in the jar: after close(), a class of these packages must not
  // silently come from the parent instead (an old instance would run with another library).
  private final Set<String> jarPackages;
  private volatile boolean closed;

  JarClassLoader(String name, URL jar, ClassLoader parent, SharedPackages configured,
      Set<String> jarPackages) {
    super(name, new URL[] {jar}, parent);
    this.configured = configured;
    this.jarPackages = Set.copyOf(jarPackages);
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
    if (closed && jarPackages.contains(SharedPackages.packageOf(name))) {
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
  public void close() throws IOException {
    closed = true;
    super.close();
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
}
