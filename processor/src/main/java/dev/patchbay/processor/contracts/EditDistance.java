package dev.patchbay.processor.contracts;

/** Levenshtein distance, for "did you mean" suggestions between method names. */
final class EditDistance {
  private EditDistance() {}

  /** How far two names may be apart and still count as a typo of each other. */
  static int allowed(int lengthA, int lengthB) {
    // One edit for short names, about one per three letters beyond that: "proces" is a typo of
    // "process", while "run" and "stop" are different methods.
    return Math.max(1, Math.max(lengthA, lengthB) / 3);
  }

  /** Edit distance with two rolling rows. */
  static int between(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
