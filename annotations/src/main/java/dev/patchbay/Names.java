package dev.patchbay;

import java.util.List;
import java.util.Locale;

/** Finds the known name a mistyped one was probably meant to be. */
final class Names {
  private Names() {}

  /** Returns the closest of {@code known} to {@code requested}, or null when none is close. */
  static String nearest(String requested, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String folded = requested.toLowerCase(Locale.ROOT);
    for (String candidate : known) {
      // Case-insensitive distance: "SQLite" should find "sqlite" at distance 0.
      int distance = distance(folded, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
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

  /** Levenshtein distance with two rolling rows. */
  static int distance(String a, String b) {
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
