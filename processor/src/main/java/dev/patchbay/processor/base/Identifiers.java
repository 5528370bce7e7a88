package dev.patchbay.processor.base;

import java.util.Collection;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * Small string helpers for diagnostics: "did you mean" suggestions (by the edit distance the
 * annotations module implements), and names that are safe to use as Java identifiers.
 *
 * <p>Shared by every step; the contracts checks use {@link #nearest} for near-miss method names.
 */
public final class Identifiers {
  private Identifiers() {}

  /**
   * Returns the candidate closest to {@code requested}, when it is close enough to be a typo:
   * the rule {@code UnknownPluginException} applies at run time, from the same implementation.
   *
   * @param requested the name that was written
   * @param candidates the names that exist
   * @return the nearest candidate, or empty when none is close
   */
  public static Optional<String> nearest(String requested, Collection<String> candidates) {
    return Optional.ofNullable(dev.patchbay.internal.Names.nearest(requested, candidates));
  }

  /**
   * Turns arbitrary text into a usable Java identifier, for suggesting a fix.
   *
   * @param text the text to clean, e.g. {@code "my registry"}
   * @param fallback what to return when nothing usable is left
   * @return an identifier such as {@code "MyRegistry"}
   */
  public static String toIdentifier(String text, String fallback) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c)) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        // A dropped separator starts a new word, as in "my-registry" -> "MyRegistry".
        upper = true;
      }
    }
    String result = out.toString();
    if (!result.isEmpty() && !Character.isJavaIdentifierStart(result.charAt(0))) {
      result = "_" + result;
    }
    return SourceVersion.isIdentifier(result) && !SourceVersion.isKeyword(result) ? result : fallback;
  }

  /**
   * Lower-cases the first letter: {@code "Config"} becomes {@code "config"}.
   *
   * @param name a simple name
   * @return the name starting with a lower-case letter
   */
  public static String decapitalize(String name) {
    return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
