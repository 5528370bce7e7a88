package dev.patchbay.loader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes one reload: which jars to keep, read, replace or unload, the next snapshot, the
 * report and the events. Scans the folder ({@link #scan}: regular files named {@code *.jar}
 * directly in it) and reads new and changed files; unloads nothing itself, except jars it read
 * and then refused, which were never published.
 */
final class Reload {
  private final Snapshot next;
  private final List<List<String>> ids; // added, removed, replaced, failed
  private final List<PluginEvent> events;
  private final List<LoadedJar> unloaded;

  private Reload(Snapshot next, List<List<String>> ids, List<PluginEvent> events,
      List<LoadedJar> unloaded) {
    this.next = next;
    this.ids = ids;
    this.events = events;
    this.unloaded = unloaded;
  }

  Snapshot next() {
    return next;
  }

  /** The report, made when asked for: opening a directory reports nothing. */
  ReloadReport report() {
    return new ReloadReport(ids.get(0), ids.get(1), ids.get(2), ids.get(3));
  }

  List<PluginEvent> events() {
    return events;
  }

  /** Old jars to unload once the next snapshot is published. */
  List<LoadedJar> unloaded() {
    return unloaded;
  }

  /**
   * Computes the reload from the folder's {@code candidates}.
   *
   * @param events whether to make the events (for a listener); without, {@link #events()} is
   *     empty
   */
  static Reload compute(Snapshot previous, List<Candidate> candidates,
      JarReader reader, boolean events) {
    List<LoadedJar> jars = new ArrayList<>(candidates.size());
    for (Candidate candidate : candidates) {
      LoadedJar before = previous.get(candidate.path());
      if (candidate.refusal() != null) {
        boolean same = before != null && before.stamp == null
            && before.info().problem().orElse("").equals(candidate.refusal());
        jars.add(same ? before : refused(candidate));
      } else if (before != null && candidate.stamp().equals(before.stamp)) {
        jars.add(before); // unchanged file: same class loader, same problem
      } else {
        jars.add(reader.read(candidate.path(), candidate.fileName(), candidate.stamp()));
      }
    }
    refuseDuplicateIds(jars, previous);

    // Pair old and new by file, then a removed file with an added one of the same id (a jar
    // renamed for its new version) as a replacement.
    Set<Path> present = new HashSet<>();
    List<LoadedJar> added = new ArrayList<>();
    List<LoadedJar[]> changed = new ArrayList<>();
    for (LoadedJar now : jars) {
      present.add(now.path());
      LoadedJar before = previous.get(now.path());
      if (before == null) {
        added.add(now);
      } else if (before != now) {
        changed.add(new LoadedJar[] {before, now});
      }
    }
    List<LoadedJar> removed = new ArrayList<>();
    for (LoadedJar before : previous.jars()) {
      if (!present.contains(before.path())) {
        removed.add(before);
      }
    }
    for (Iterator<LoadedJar> it = added.iterator(); it.hasNext(); ) {
      LoadedJar now = it.next();
      for (Iterator<LoadedJar> old = removed.iterator(); old.hasNext(); ) {
        LoadedJar before = old.next();
        if (before.id().equals(now.id())) {
          changed.add(new LoadedJar[] {before, now});
          old.remove();
          it.remove();
          break;
        }
      }
    }

    List<String> addedIds = new ArrayList<>();
    List<String> removedIds = new ArrayList<>();
    List<String> replacedIds = new ArrayList<>();
    List<String> failedIds = new ArrayList<>();
    List<PluginEvent> made = new ArrayList<>();
    List<LoadedJar> unloaded = new ArrayList<>();
    for (LoadedJar before : removed) {
      removedIds.add(before.id());
      if (events) {
        made.add(new PluginEvent(PluginEvent.Kind.UNLOADED, before.info(), null));
      }
      unloaded.add(before);
    }
    for (LoadedJar[] pair : changed) {
      LoadedJar now = pair[1];
      (now.info().loaded() ? replacedIds : failedIds).add(now.id());
      if (events) {
        made.add(new PluginEvent(now.info().loaded() ? PluginEvent.Kind.REPLACED
            : PluginEvent.Kind.FAILED, now.info(), pair[0].info()));
      }
      unloaded.add(pair[0]);
    }
    for (LoadedJar now : added) {
      (now.info().loaded() ? addedIds : failedIds).add(now.id());
      if (events) {
        made.add(new PluginEvent(now.info().loaded() ? PluginEvent.Kind.LOADED
            : PluginEvent.Kind.FAILED, now.info(), null));
      }
    }
    return new Reload(new Snapshot(previous.generation() + 1, jars),
        List.of(addedIds, removedIds, replacedIds, failedIds), made, unloaded);
  }

  /**
   * Two loaded files with one id: the first by file name keeps it, the others are refused, so
   * "which version of x is running" has one answer.
   */
  private static void refuseDuplicateIds(List<LoadedJar> jars, Snapshot previous) {
    Map<String, LoadedJar> owners = new HashMap<>();
    for (int i = 0; i < jars.size(); i++) {
      LoadedJar jar = jars.get(i);
      if (!jar.info().loaded()) {
        continue;
      }
      LoadedJar owner = owners.putIfAbsent(jar.id(), jar);
      if (owner != null) {
        String problem = "the plugin id '" + jar.id() + "' of " + jar.path() + " is already used"
            + " by " + owner.info().describe() + "; one id is loaded from one file only. Remove"
            + " one of the two files, or give one another " + JarReader.ID_ATTRIBUTE
            + " in its manifest.";
        // A jar that was published before is unloaded with the rest after the swap.
        jars.set(i, previous.get(jar.path()) == jar
            ? LoadedJar.failed(jar.path(), jar.id(), jar.info().version(), jar.stamp, problem)
            : jar.withProblem(problem));
      }
    }
  }

  private static LoadedJar refused(Candidate candidate) {
    JarReader.Descriptor descriptor =
        JarReader.Descriptor.fromFileName(candidate.fileName());
    return LoadedJar.failed(candidate.path(), descriptor.id(), descriptor.version(), null,
        candidate.refusal());
  }

  /** The folder's candidate entries: names ending in .jar directly in it, by file name. */
  static List<Candidate> scan(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      throw Files.exists(folder)
          ? new NotDirectoryException(folder + " is not a directory: give the plugin folder")
          : new NoSuchFileException(folder.toString(), null,
              "the plugin folder does not exist: create it or give another path");
    }
    // Names through java.io.File, sorted as strings: the folder's paths are made for jars only.
    String[] names = folder.toFile().list();
    if (names == null) {
      names = listNames(folder); // says why it cannot be listed
    }
    Arrays.sort(names); // by file name: the order of jars(), events and reports
    List<Candidate> found = new ArrayList<>();
    for (String name : names) {
      if (name.length() <= 4 || !name.regionMatches(true, name.length() - 4, ".jar", 0, 4)) {
        continue; // not a jar: other files may live in the folder
      }
      Path path = folder.resolve(name);
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        found.add(new Candidate(path, name, null, "cannot read the attributes of " + path + ": "
            + JarReader.describe(e)));
        continue;
      }
      if (!attributes.isRegularFile()) {
        found.add(new Candidate(path, name, null, path + " is "
            + (attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory()
                ? "a directory" : "not a regular file")
            + "; only regular jar files directly in the plugin folder are read. Copy the jar"
            + " itself into the folder."));
        continue;
      }
      found.add(new Candidate(path, name, new LoadedJar.FileStamp(attributes.size(),
          attributes.lastModifiedTime(), attributes.fileKey()), null));
    }
    return found;
  }

  /** The names in {@code folder} through NIO, whose exceptions say why it cannot be listed. */
  private static String[] listNames(Path folder) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
      for (Path path : listing) {
        names.add(path.getFileName().toString());
      }
    }
    return names.toArray(new String[0]);
  }

  /** A directory entry named like a jar: a file to read, or one refused with a problem. */
  record Candidate(Path path, String fileName, LoadedJar.FileStamp stamp, String refusal) {}
}
