package dev.patchbay.loader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The packages every plugin jar takes from the parent class loader rather than from itself.
 *
 * <p>Always shared: {@code java.*} (the JVM allows no other definition), and {@code dev.patchbay}
 * and {@code dev.patchbay.spi}, the packages of the annotations module, whose {@code PluginIndex}
 * and {@code PluginInfo} the directory and every jar must agree on. The application adds its own
 * API packages; each such entry also covers its subpackages.
 */
final class SharedPackages {
  /** The packages of the {@code dev.patchbay} module: shared exactly, not their subpackages. */
  static final Set<String> PATCHBAY = Set.of("dev.patchbay", "dev.patchbay.spi");

  private final List<String> prefixes; // "com.acme.api" → "com.acme.api."
  private final Set<String> exact;

  SharedPackages(Set<String> configured) {
    if (configured.isEmpty()) {
      this.exact = Set.of(); // the usual case, made without sorting machinery
      this.prefixes = List.of();
      return;
    }
    TreeSet<String> sorted = new TreeSet<>(configured);
    this.exact = Set.copyOf(sorted);
    List<String> withDots = new ArrayList<>(sorted.size());
    for (String name : sorted) {
      withDots.add(name.concat("."));
    }
    this.prefixes = List.copyOf(withDots); // a loop: no stream to start cold while opening
  }

  /**
   * Checks one package name given by the application.
   *
   * @throws IllegalArgumentException naming the bad entry and the expected form
   */
  static String validate(String packageName) {
    if (packageName == null || packageName.isEmpty()) {
      throw new IllegalArgumentException("a shared package must be a package name such as"
          + " com.acme.api, but was " + (packageName == null ? "null" : "empty"));
    }
    for (String part : packageName.split("\\.", -1)) {
      boolean valid = !part.isEmpty() && Character.isJavaIdentifierStart(part.charAt(0))
          && part.chars().allMatch(Character::isJavaIdentifierPart);
      if (!valid) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "'%s' is not a package name: give a dotted Java package such as com.acme.api"
                + " (it also shares its subpackages; no wildcards or trailing dots)",
            packageName));
      }
    }
    return packageName;
  }

  /** Tells whether {@code binaryName} (a class) is in a package shared with the parent. */
  boolean contains(String binaryName) {
    if (binaryName.startsWith("java.")) {
      return true;
    }
    String pkg = packageOf(binaryName);
    if (PATCHBAY.contains(pkg) || exact.contains(pkg)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (pkg.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The configured packages, sorted, for messages. */
  Set<String> configured() {
    return exact;
  }

  static String packageOf(String binaryName) {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? "" : binaryName.substring(0, dot);
  }
}
