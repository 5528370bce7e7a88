package dev.patchbay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.internal.Names;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of "did you mean": the suggestion follows the rule {@link UnknownPluginException#of}
 * documents (a known name within about a third of its length in edits, letter case ignored, and
 * the nearest such name), and the edit distance under it is a true distance.
 */
final class NamesPropertiesTest {

  @Property(tries = 300)
  void nearest_isAKnownName_withinTheAllowedDistance_andNoOtherIsNearer(
      @ForAll("name") String requested, @ForAll @Size(max = 6) List<@From("name") String> known) {
    // A known name equal to the requested one is never suggested (documented), so it is no candidate.
    Assume.that(!known.contains(requested));
    String suggestion = Names.nearest(requested, known);
    String folded = fold(requested);
    int best = known.stream().mapToInt(k -> Names.distance(folded, fold(k))).min().orElse(Integer.MAX_VALUE);
    if (suggestion == null) {
      for (String candidate : known) {
        assertTrue(Names.distance(folded, fold(candidate)) > allowed(requested, candidate),
            () -> candidate + " is close to " + requested + " but was not suggested");
      }
    } else {
      assertTrue(known.contains(suggestion));
      int distance = Names.distance(folded, fold(suggestion));
      assertEquals(best, distance, "the suggestion is a nearest known name");
      assertTrue(distance <= allowed(requested, suggestion));
    }
  }

  @Property(tries = 300)
  void nearest_findsANameThatDiffersOnlyInLetterCase(
      @ForAll("name") String name, @ForAll @Size(max = 5) List<@From("name") String> others, @ForAll long flips) {
    StringBuilder requested = new StringBuilder(name);
    for (int i = 0; i < requested.length(); i++) {
      char c = requested.charAt(i);
      if (((flips >>> (i % 64)) & 1) == 1) {
        requested.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
      }
    }
    Assume.that(fold(requested.toString()).equals(fold(name)) && !requested.toString().equals(name));
    List<String> known = new java.util.ArrayList<>(others);
    known.add(name);
    String suggestion = Names.nearest(requested.toString(), known);
    assertNotNull(suggestion);
    assertEquals(fold(name), fold(suggestion));
  }

  @Property(tries = 300)
  void nearest_findsANameOneTypoAway(
      @ForAll("name") String name, @ForAll @IntRange(max = 100) int at, @ForAll("letter") char typo,
      @ForAll @IntRange(max = 2) int kind) {
    int position = at % (name.length() + 1);
    String requested = switch (kind) {
      case 0 -> name.substring(0, position) + typo + name.substring(position); // inserted
      case 1 -> position < name.length() // replaced
          ? name.substring(0, position) + typo + name.substring(position + 1) : name + typo;
      default -> position < name.length() // dropped
          ? name.substring(0, position) + name.substring(position + 1) : name.substring(1);
    };
    Assume.that(!requested.isEmpty() && !requested.equals(name));
    String suggestion = Names.nearest(requested, List.of(name));
    assertEquals(name, suggestion);
  }

  @Property(tries = 300)
  void nearest_suggestsNothingWhenEveryNameIsFarAway(@ForAll("name") String requested) {
    String far = "q".repeat(requested.length() + 3) + "zz";
    Assume.that(Names.distance(fold(requested), far) > allowed(requested, far));
    assertNull(Names.nearest(requested, List.of(far)));
  }

  @Property(tries = 500)
  void distance_isAMetric(@ForAll("name") String a, @ForAll("name") String b, @ForAll("name") String c) {
    assertEquals(0, Names.distance(a, a));
    assertEquals(Names.distance(a, b), Names.distance(b, a));
    assertTrue(Names.distance(a, c) <= Names.distance(a, b) + Names.distance(b, c));
    assertTrue(Names.distance(a, b) >= Math.abs(a.length() - b.length()));
    assertTrue(Names.distance(a, b) <= Math.max(a.length(), b.length()));
    assertTrue(a.equals(b) == (Names.distance(a, b) == 0));
  }

  /** Plugin-like names: letters, digits and the separators names use. */
  @Provide
  Arbitrary<String> name() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars("0123456789-_.")
        .ofMinLength(1).ofMaxLength(12);
  }

  @Provide
  Arbitrary<Character> letter() {
    return Arbitraries.chars().range('a', 'z');
  }

  /** The documented allowance: a third of the longer name, at least one edit. */
  private static int allowed(String requested, String candidate) {
    return Math.max(1, Math.max(requested.length(), candidate.length()) / 3);
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
