package dev.patchbay.loader;

import java.util.Objects;
import java.util.Optional;

/**
 * A change to one jar of a plugin folder, sent to the listener given to
 * {@link PluginDirectory.Builder#listener}.
 */
public final class PluginEvent {

  /** What happened to the jar. */
  public enum Kind {
    /** The jar is new in the folder and its plugins are available. */
    LOADED,
    /** The jar left the folder (or lost to another jar with its id); its plugins are gone. */
    UNLOADED,
    /** The jar's file changed and the new version's plugins replace the old ones. */
    REPLACED,
    /** The jar is new or changed but could not be loaded; {@link PluginJar#problem()} says why. */
    FAILED
  }

  private final Kind kind;
  private final PluginJar jar;
  private final PluginJar previous;

  PluginEvent(Kind kind, PluginJar jar, PluginJar previous) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.jar = Objects.requireNonNull(jar, "jar");
    this.previous = previous;
  }

  /**
   * What happened.
   *
   * @return the kind of change
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The jar as it is now; for {@link Kind#UNLOADED}, as it was before it was unloaded.
   *
   * @return the jar
   */
  public PluginJar jar() {
    return jar;
  }

  /**
   * The version this event's jar replaced, for {@link Kind#REPLACED} and for a {@link Kind#FAILED}
   * replacement.
   *
   * @return the replaced jar, or empty
   */
  public Optional<PluginJar> previous() {
    return Optional.ofNullable(previous);
  }

  @Override
  public String toString() {
    return kind + " " + jar.describe()
        + (previous == null ? "" : " (was " + previous.describe() + ")")
        + jar.problem().map(p -> ": " + p).orElse("");
  }
}
