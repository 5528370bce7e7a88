package dev.patchbay.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes one reload: which jars to keep, read, replace or unload, the next snapshot, the
 * report and the events. Reads new and changed files; unloads nothing itself, except jars it
 * read and then refused, which were never published.
 */
final class Reload {
  private final Snapshot next;
  private final ReloadReport report;
  private final List<PluginEvent> events;
  private final List<LoadedJar> unloaded;

  private Reload(Snapshot next, ReloadReport report, List<PluginEvent> events,
      List<LoadedJar> unloaded) {
    this.next = next;
    this.report = report;
    this.events = events;
    this.unloaded = unloaded;
  }

  Snapshot next() {
    return next;
  }

  ReloadReport report() {
    return report;
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
  static Reload compute(Snapshot previous, List<FolderScan.Candidate> candidates,
      JarReader reader, boolean events) {
    List<LoadedJar> jars = new ArrayList<>(candidates.size());
    for (FolderScan.Candidate candidate : candidates) {
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
        new ReloadReport(addedIds, removedIds, replacedIds, failedIds), made, unloaded);
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

  private static LoadedJar refused(FolderScan.Candidate candidate) {
    JarReader.Descriptor descriptor =
        JarReader.Descriptor.fromFileName(candidate.fileName());
    return LoadedJar.failed(candidate.path(), descriptor.id(), descriptor.version(), null,
        candidate.refusal());
  }
}
