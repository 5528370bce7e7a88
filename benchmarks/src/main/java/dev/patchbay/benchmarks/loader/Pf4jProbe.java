package dev.patchbay.benchmarks.loader;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;

/** The PF4J side of {@link FolderProbe}: a {@code DefaultPluginManager} over the same folder. */
final class Pf4jProbe {
  private Pf4jProbe() {}

  /** Loads and starts every jar, then loads the classes of every extension: PF4J's listing. */
  static void list(Path folder, Class<?> api) {
    long c0 = FolderProbe.THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    PluginManager manager = new DefaultPluginManager(folder);
    manager.loadPlugins();
    manager.startPlugins();
    long check = manager.getPlugins().size();
    List<? extends Class<?>> types = manager.getExtensionClasses(api);
    for (Class<?> type : types) {
      check += type.getName().length();
    }
    FolderProbe.result(t0, c0, types.size(), check);
    // No stopPlugins() here: with a hundred plugins, PF4J 3.15.0's stopPlugins() failed with a
    // ConcurrentModificationException in this harness; the process ends anyway.
  }

  static void create(Path folder, Class<?> api, Method name, String jarId, String pluginClass)
      throws Exception {
    long c0 = FolderProbe.THREADS.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    PluginManager manager = new DefaultPluginManager(folder);
    manager.loadPlugins();
    manager.startPlugins();
    Object created = createOne(manager, api, jarId, pluginClass);
    long check = ((String) name.invoke(created)).length();
    FolderProbe.result(t0, c0, 1, check);
  }

  /** Unloads one plugin and loads it again from its jar, creating its extension each time. */
  static void cycles(Path folder, Class<?> api, Method name, String jarId, String pluginClass,
      int cycles) throws Exception {
    Path jar = folder.resolve(jarId + "-1.0.0.jar");
    PluginManager manager = new DefaultPluginManager(folder);
    manager.loadPlugins();
    manager.startPlugins();
    name.invoke(createOne(manager, api, jarId, pluginClass));
    for (int k = 1; k <= cycles; k++) {
      long t0 = System.nanoTime();
      if (!manager.unloadPlugin(jarId)) {
        throw new IllegalStateException("PF4J did not unload " + jarId);
      }
      String id = manager.loadPlugin(jar);
      manager.startPlugin(id);
      name.invoke(createOne(manager, api, jarId, pluginClass));
      FolderProbe.cycle(k, System.nanoTime() - t0);
    }
  }

  /** PF4J has no plugin names: one plugin's extension classes, then the wanted class by name. */
  private static Object createOne(PluginManager manager, Class<?> api, String jarId,
      String pluginClass) {
    for (Class<?> type : manager.getExtensionClasses(api, jarId)) {
      if (type.getName().equals(pluginClass)) {
        return manager.getExtensionFactory().create(type);
      }
    }
    throw new IllegalStateException(pluginClass + " is not an extension of " + jarId);
  }
}
