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

/**
 * One jar as the directory holds it: its public description, the file state it was read from,
 * and, when it loaded, its class loader and index instances.
 *
 * <p>This is the only object that references a jar's class loader; the directory drops it (and
 * closes the loader) when the jar is unloaded.
 */
final class LoadedJar {

  /** What identifies one version of a file: size, modification time and file key (inode). */
  record FileStamp(long size, FileTime modified, Object fileKey) {}

  /** One index of the jar and the plugins it listed, per extension point binary name. */
  record Index(PluginIndex index, Map<String, List<PluginInfo>> plugins) {}

  final PluginJar info;
  final FileStamp stamp;
  final JarClassLoader loader; // null when the jar has a problem
  final List<Index> indexes;

  LoadedJar(PluginJar info, FileStamp stamp, JarClassLoader loader, List<Index> indexes) {
    this.info = info;
    this.stamp = stamp;
    this.loader = loader;
    this.indexes = indexes;
  }

  /** A jar that could not be loaded; holds no class loader. */
  static LoadedJar failed(Path path, String id, String version, FileStamp stamp, String problem) {
    return new LoadedJar(new PluginJar(path, id, version, List.of(), Optional.of(problem)), stamp,
        null, List.of());
  }

  /** This jar, unloaded, with {@code problem}; closes its class loader. */
  LoadedJar withProblem(String problem) {
    unload();
    return failed(info.path(), info.id(), info.version(), stamp, problem);
  }

  String id() {
    return info.id();
  }

  Path path() {
    return info.path();
  }

  /** Closes the class loader, which closes the jar file; classes already loaded keep working. */
  void unload() {
    if (loader == null) {
      return;
    }
    try {
      loader.close();
    } catch (IOException e) {
      Log.LOG.log(Level.WARNING, "closing the class loader of " + info.describe() + " failed", e);
    }
  }
}
