package dev.patchbay.benchmarks.inputs;

/** One way of registering and finding the same generated plugin classes. */
public enum Variant {
  /** {@code @Plugin} on each class, the Patchbay processor generates the registry and index. */
  PATCHBAY("Patchbay"),
  /** {@code @AutoService} on each class, found with {@link java.util.ServiceLoader}. */
  SERVICE_LOADER("ServiceLoader (AutoService)"),
  /** {@code @Extension} on each class, PF4J's processor writes {@code META-INF/extensions.idx}. */
  PF4J("PF4J extension index"),
  /** No annotation; ClassGraph scans the class path for implementations. */
  CLASSGRAPH("ClassGraph scan"),
  /** No annotation; a hand-written list and {@code switch} name every class (the limit). */
  HAND_WRITTEN("hand-written list/switch");

  private final String label;

  Variant(String label) {
    this.label = label;
  }

  /**
   * How reports name this variant.
   *
   * @return a short human-readable label
   */
  public String label() {
    return label;
  }

  /**
   * Directory-friendly name of this variant.
   *
   * @return the lower-case name with dashes
   */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
