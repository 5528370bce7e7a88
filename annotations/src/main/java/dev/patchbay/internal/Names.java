package dev.patchbay.internal;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the known name a mistyped one was probably meant to be: the one "did you mean"
 * implementation, used by {@code UnknownPluginException} at run time and by the annotation
 * processor's diagnostics at compile time.
 *
 * <p>Not API: the module exports this package only to the processor's module.
 */
public final class Names {
  private Names() {}

  /**
   * Returns the candidate closest to {@code requested}, when it is close enough to be a typo.
   *
   * <p>Comparison ignores letter case ("SQLite" finds "sqlite" at distance 0); a candidate is
   * close enough within an edit distance of about a third of the longer name (at least 1). A
   * candidate equal to {@code requested} is skipped. Ties go to the candidate that sorts first,
   * so the answer does not depend on the order of {@code candidates}.
   *
   * @param requested the name that was written
   * @param candidates the names that exist
   * @return the nearest candidate, or null when none is close
   */
  public static String nearest(String requested, Collection<String> candidates) {
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
      return null;
    }
    int allowed = Math.max(1, Math.max(requested.length(), best.length()) / 3);
    return bestDistance <= allowed ? best : null;
  }

  /**
   * Levenshtein distance between two strings, with two rolling rows.
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
}
