package dev.patchbay.loader;

import java.util.List;

/**
 * What one {@link PluginDirectory#reload()} changed, as jar ids, each list by file name.
 *
 * @param added jars that are new in the folder and loaded
 * @param removed jars that left the folder; they are unloaded
 * @param replaced jars whose file changed (or that reappeared under another file name with the
 *     same id) and whose new version is loaded; the old version is unloaded
 * @param failed jars that are new or changed but could not be loaded; {@link PluginJar#problem()}
 *     says why. An old version they replace is unloaded.
 */
public record ReloadReport(
    List<String> added, List<String> removed, List<String> replaced, List<String> failed) {

  /** Makes every list an unmodifiable copy. */
  public ReloadReport {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    replaced = List.copyOf(replaced);
    failed = List.copyOf(failed);
  }

  /**
   * Tells whether the reload changed anything.
   *
   * @return false when the folder held the same files as before
   */
  public boolean changed() {
    return !(added.isEmpty() && removed.isEmpty() && replaced.isEmpty() && failed.isEmpty());
  }
}
