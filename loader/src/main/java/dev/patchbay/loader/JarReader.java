package dev.patchbay.loader;

import dev.patchbay.PluginInfo;
import dev.patchbay.spi.PluginIndex;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads one jar: its descriptor from the manifest, then its generated plugin index through a new
 * class loader. Never throws for a bad jar: every failure becomes the jar's problem.
 */
final class JarReader {
  /** The service file the processor writes into every jar it compiles plugins for. */
  static final String INDEX_SERVICE = "META-INF/services/" + PluginIndex.class.getName();
  /** Manifest attribute naming the plugin id. */
  static final String ID_ATTRIBUTE = "Patchbay-Plugin-Id";

  private static final String REBUILD = " Rebuild the plugin jar with the Patchbay processor of"
      + " the version this application's patchbay-annotations jar comes from.";

  private final ClassLoader parent;
  private final SharedPackages shared;

  JarReader(ClassLoader parent, SharedPackages shared) {
    this.parent = parent;
    this.shared = shared;
  }

  /** What the manifest or, failing that, the file name says the jar is. */
  record Descriptor(String id, String version) {
    static Descriptor of(Path path, Manifest manifest) {
      Descriptor fromName = fromFileName(path.getFileName().toString());
      if (manifest == null) {
        return fromName;
      }
      Attributes main = manifest.getMainAttributes();
      String id = trimmed(main.getValue(ID_ATTRIBUTE));
      String version = trimmed(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION));
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

  LoadedJar read(Path path, LoadedJar.FileStamp stamp) {
    Descriptor descriptor = Descriptor.fromFileName(path.getFileName().toString());
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
      JarClassLoader loader = new JarClassLoader("plugin jar " + descriptor.id(), jar,
          path.toUri().toURL(), manifest, parent, shared);
      jar = null; // the loader owns it now
      return loadIndexes(loader, path, descriptor, stamp, indexClasses);
    } catch (IOException | RuntimeException e) {
      closeQuietly(jar);
      return failed(path, descriptor, stamp, "cannot read " + path + " as a jar: " + describe(e)
          + ". Replace it with a complete jar file.");
    }
  }

  /** Checks the index service entry and the classes it names; returns the problem, or null. */
  private static String checkIndex(JarFile jar, Path path, ZipEntry service,
      List<String> indexClasses) {
    if (service == null) {
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
      if (jar.getEntry(name.replace('.', '/') + ".class") == null) {
        return INDEX_SERVICE + " in " + path + " lists " + name + ", but the jar has no such"
            + " class. Rebuild the jar: its index and classes come from different builds.";
      }
    }
    return null;
  }

  private static void closeQuietly(JarFile jar) {
    if (jar != null) {
      try {
        jar.close();
      } catch (IOException e) {
        // already failing; the problem names the first cause
      }
    }
  }

  private LoadedJar loadIndexes(JarClassLoader loader, Path path, Descriptor descriptor,
      LoadedJar.FileStamp stamp, List<String> indexClasses) {
    List<LoadedJar.Index> indexes = new ArrayList<>(indexClasses.size());
    List<PluginInfo> all = new ArrayList<>();
    String current = indexClasses.get(0);
    try {
      for (String name : indexClasses) {
        current = name;
        // Names come only from the jar's own index service file, checked above to be classes
        // of this jar; initialize=false: nothing runs until the index is constructed below.
        Class<?> type = Class.forName(name, false, loader);
        if (type.getClassLoader() != loader) {
          // The class is in a package shared with the application (a bundled copy of an API
          // jar's index): the application already contributes those plugins itself.
          continue;
        }
        if (!PluginIndex.class.isAssignableFrom(type)) {
          return withProblem(loader, path, descriptor, stamp, "the plugin index " + name + " in "
              + path + " does not implement this application's " + PluginIndex.class.getName()
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
          List<PluginInfo> plugins = List.copyOf(index.plugins(point));
          byPoint.put(point, plugins);
          all.addAll(plugins);
        }
        indexes.add(new LoadedJar.Index(index, Map.copyOf(byPoint)));
      }
    } catch (InvocationTargetException e) {
      return withProblem(loader, path, descriptor, stamp, incompatible(current, path, e.getCause()));
    } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
      return withProblem(loader, path, descriptor, stamp, incompatible(current, path, e));
    }
    if (indexes.isEmpty()) {
      return withProblem(loader, path, descriptor, stamp, "every plugin index in " + path
          + " belongs to a package shared with the application, so the jar adds nothing: it"
          + " bundles the application's own plugins. Remove it, or stop sharing those packages.");
    }
    PluginJar info = new PluginJar(path, descriptor.id(), descriptor.version(), all,
        Optional.empty());
    return new LoadedJar(info, stamp, loader, List.copyOf(indexes));
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

  private static LoadedJar withProblem(JarClassLoader loader, Path path, Descriptor descriptor,
      LoadedJar.FileStamp stamp, String problem) {
    LoadedJar loaded = new LoadedJar(new PluginJar(path, descriptor.id(), descriptor.version(),
        List.of(), Optional.empty()), stamp, loader, List.of());
    return loaded.withProblem(problem);
  }

  private static LoadedJar failed(Path path, Descriptor descriptor, LoadedJar.FileStamp stamp,
      String problem) {
    return LoadedJar.failed(path, descriptor.id(), descriptor.version(), stamp, problem);
  }

  /** The class names of a service file: one a line, '#' starts a comment. */
  private static List<String> serviceNames(JarFile jar, ZipEntry service) throws IOException {
    String text;
    try (InputStream in = jar.getInputStream(service)) {
      // A few bytes: read at once rather than through a Reader, which is slow to start cold.
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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

  private static boolean binaryName(String name) {
    boolean partStart = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (partStart) {
          return false;
        }
        partStart = true;
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
