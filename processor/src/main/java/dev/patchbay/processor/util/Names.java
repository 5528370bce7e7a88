package dev.patchbay.processor.util;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.SourceVersion;

/**
 * Small string helpers for diagnostics: "did you mean" suggestions by edit distance, and names
 * that are safe to use as Java identifiers.
 *
 * <p>Shared by every step; the contracts checks use {@link #nearest} for near-miss method names.
 */
public final class Names {
  private Names() {}

  /**
   * Returns the candidate closest to {@code requested}, when it is close enough to be a typo.
   *
   * <p>Comparison ignores letter case; a candidate is close enough within an edit distance of
   * about a third of the longer name (at least 1). Ties go to the candidate that sorts first, so
   * the answer does not depend on the order of {@code candidates}.
   *
   * @param requested the name that was written
   * @param candidates the names that exist
   * @return the nearest candidate, or empty when none is close
   */
  public static Optional<String> nearest(String requested, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String folded = requested.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      if (candidate.equals(requested)) {
        continue;
      }
      int distance = distance(folded, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int allowed = Math.max(1, Math.max(requested.length(), best.length()) / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /**
   * Levenshtein distance between two strings.
   *
   * @param a one string
   * @param b the other string
   * @return the number of single-character edits turning {@code a} into {@code b}
   */
  public static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
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
