package dev.patchbay.benchmarks.loader;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.loader.PluginDirectory;
import dev.patchbay.loader.PluginJar;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * One measurement of the plugin-folder comparison in a fresh JVM whose class path holds only the
 * extension point and the variant's library, never the plugin jars.
 *
 * <p>Usage: {@code FolderProbe patchbay|pf4j list|listcached|create|cycles <folder> <api class>
 * <jar id> <plugin name> <plugin class> <cycles>}. {@code list} and {@code create} print
 * {@code RESULT elapsed=<ns> cpu=<ns> count=<n>}; {@code listcached} lists with the listing
 * cache {@link #cacheFile} (writing it when missing) and also prints {@code OPEN jars=<n>}, the
 * descriptors open on the folder's jars after listing, and {@code DIRECTORY <directory>}, whose
 * description counts the jars listed from the cache;
 * {@code cycles} prints one line
 * {@code CYCLE <k> heap=<bytes> fds=<n> classes=<n> nanos=<ns>} per unload/reload cycle, measured
 * after two {@code System.gc()} calls.
 */
public final class FolderProbe {
  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FolderProbe() {}

  /**
   * Entry point.
   *
   * @param args see the class comment
   * @throws Exception when the variant fails; the harness reports it
   */
  public static void main(String[] args) throws Exception {
    String variant = args[0];
    String op = args[1];
    Path folder = Path.of(args[2]);
    Class<?> api = Class.forName(args[3]);
    String jarId = args[4];
    String pluginName = args[5];
    String pluginClass = args[6];
    int cycles = Integer.parseInt(args[7]);
    Method name = api.getMethod("name");
    switch (variant + " " + op) {
      case "floor list" -> floor(folder);
      case "patchbay list" -> patchbayList(folder, null);
      case "patchbay listcached" -> patchbayList(folder, cacheFile(folder));
      case "patchbay create" -> patchbayCreate(folder, api, name, pluginName);
      case "patchbay cycles" -> patchbayCycles(folder, api, name, jarId, pluginName, cycles);
      // In their own class: the Patchbay JVMs have no PF4J on the class path.
      case "pf4j list" -> Pf4jProbe.list(folder, api);
      case "pf4j create" -> Pf4jProbe.create(folder, api, name, jarId, pluginClass);
      case "pf4j cycles" -> Pf4jProbe.cycles(folder, api, name, jarId, pluginClass, cycles);
      default -> throw new IllegalArgumentException("unknown probe " + variant + " " + op);
    }
  }

  static void result(long t0, long c0, long count, long check) {
    long elapsed = System.nanoTime() - t0;
    long cpu = THREADS.getCurrentThreadCpuTime() - c0;
    System.out.println("RESULT elapsed=" + elapsed + " cpu=" + cpu + " count=" + count
        + " check=" + check);
  }

  /**
   * The least any folder lister does: open each jar and read its manifest and its index service
   * entry, with no class loader and no class. Not a way to list plugins; a floor to compare with.
   */
  private static void floor(Path folder) throws IOException {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
      for (Path jar : listing) {
        jars.add(jar);
      }
    }
    jars.sort(null);
    long check = 0;
    for (Path path : jars) {
      try (JarFile jar = new JarFile(path.toFile(), false)) {
        check += jar.getManifest().getMainAttributes().size();
        try (InputStream in = jar.getInputStream(
            jar.getEntry("META-INF/services/dev.patchbay.spi.PluginIndex"))) {
          check += in.readAllBytes().length;
        }
      }
    }
    result(t0, c0, jars.size(), check);
  }

  /** The listing cache file of the cached listing row: beside the folder. */
  static Path cacheFile(Path folder) {
    return folder.resolveSibling(folder.getFileName() + ".listing-cache.tsv");
  }

  /**
   * Opens the folder, with the listing cache {@code cache} unless null, and reads every jar's
   * id, version and plugins' metadata.
   */
  private static void patchbayList(Path folder, Path cache) throws IOException {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    PluginDirectory.Builder builder = PluginDirectory.builder(folder);
    if (cache != null) {
      builder.listingCache(cache);
    }
    try (PluginDirectory directory = builder.open()) {
      long count = 0;
      long check = 0;
      for (PluginJar jar : directory.jars()) {
        check += jar.id().length() + jar.version().length();
        for (PluginInfo plugin : jar.plugins()) {
          check += plugin.name().length() + plugin.description().length()
              + plugin.implementation().length();
          count++;
        }
      }
      result(t0, c0, count, check);
      if (cache != null) {
        System.out.println("OPEN jars=" + openJars(folder));
        System.out.println("DIRECTORY " + directory);
      }
    }
  }

  /** How many of this process's file descriptors are open on files of {@code folder}. */
  private static long openJars(Path folder) throws IOException {
    String prefix = folder.toRealPath().toString() + "/";
    long open = 0;
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
      for (Path fd : fds) {
        try {
          open += Files.readSymbolicLink(fd).toString().startsWith(prefix) ? 1 : 0;
        } catch (IOException closedMeanwhile) {
          // the descriptor of this listing itself
        }
      }
    }
    return open;
  }

  private static void patchbayCreate(Path folder, Class<?> api, Method name, String plugin)
      throws Exception {
    long c0 = THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    try (PluginDirectory directory = PluginDirectory.open(folder)) {
      Object created = directory.registry(api).create(plugin);
      long check = ((String) name.invoke(created)).length();
      result(t0, c0, 1, check);
    }
  }

  /** Unloads and reloads one jar by moving it out of the folder and back, creating its plugin. */
  private static void patchbayCycles(Path folder, Class<?> api, Method name, String jarId,
      String plugin, int cycles) throws Exception {
    Path jar = folder.resolve(jarId + "-1.0.0.jar");
    Path aside = Files.createTempDirectory("patchbay-cycles").resolve(jar.getFileName());
    try (PluginDirectory directory = PluginDirectory.open(folder)) {
      Registry<?> registry = directory.registry(api);
      name.invoke(registry.create(plugin));
      for (int k = 1; k <= cycles; k++) {
        long t0 = System.nanoTime();
        Files.move(jar, aside, StandardCopyOption.ATOMIC_MOVE);
        expect(directory.reload().removed(), jarId);
        Files.move(aside, jar, StandardCopyOption.ATOMIC_MOVE);
        expect(directory.reload().added(), jarId);
        name.invoke(registry.create(plugin));
        cycle(k, System.nanoTime() - t0);
      }
    } finally {
      if (Files.exists(aside)) {
        Files.move(aside, jar, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.deleteIfExists(aside.getParent());
    }
  }

  private static void expect(List<String> ids, String jarId) {
    if (!ids.equals(List.of(jarId))) {
      throw new IllegalStateException("expected [" + jarId + "] in the reload report, got " + ids);
    }
  }

  /** Prints one cycle's line: heap after two full collections, descriptors, loaded classes. */
  static void cycle(int k, long nanos) throws IOException {
    System.gc();
    System.gc();
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    long fds;
    try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
      fds = open.count() - 1; // less the listing's own descriptor
    }
    System.out.println("CYCLE " + k + " heap=" + heap + " fds=" + fds + " classes=" + classes
        + " nanos=" + nanos);
  }
}
