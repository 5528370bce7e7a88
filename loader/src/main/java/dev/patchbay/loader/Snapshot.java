package dev.patchbay.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The jars of a directory at one moment; immutable, replaced as a whole by each reload. */
final class Snapshot {
  static final Snapshot EMPTY = new Snapshot(0, List.of());
  /** Marks a closed directory; holds no jar. */
  static final Snapshot CLOSED = new Snapshot(-1, List.of());

  // Registries cache their merged tables by generation rather than by snapshot, so a cached
  // table never keeps an old snapshot, and with it unloaded class loaders, reachable.
  private final long generation;
  private final List<LoadedJar> jars;
  private final Map<Path, LoadedJar> byPath;

  Snapshot(long generation, List<LoadedJar> jars) {
    this.generation = generation;
    this.jars = List.copyOf(jars);
    Map<Path, LoadedJar> paths = new HashMap<>();
    for (LoadedJar jar : jars) {
      paths.put(jar.path(), jar);
    }
    this.byPath = Map.copyOf(paths);
  }

  long generation() {
    return generation;
  }

  /** The jars by file name, loaded or not. */
  List<LoadedJar> jars() {
    return jars;
  }

  /** The jars' descriptions, read now: a jar that failed when linked shows its problem. */
  List<PluginJar> infos() {
    List<PluginJar> described = new ArrayList<>(jars.size());
    for (LoadedJar jar : jars) {
      described.add(jar.info());
    }
    return List.copyOf(described);
  }

  LoadedJar get(Path path) {
    return byPath.get(path);
  }
}
