package dev.patchbay.samples.scrape;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class RobotsRulesTest {

  private static final String ROBOTS = String.join("\n",
      "# comment",
      "User-agent: SomeOtherBot",
      "Disallow: /",
      "",
      "User-agent: *",
      "Disallow: /private/",
      "Allow: /private/open$",
      "Disallow: /*.json$",
      "Disallow:",
      "");

  @Test
  void starGroup_appliesWhenNoGroupNamesUs() {
    RobotsRules rules = RobotsRules.parse(ROBOTS, "PatchbaySamples");

    assertTrue(rules.allows("/page/1/"));
    assertFalse(rules.allows("/private/notes"));
    assertTrue(rules.allows("/private/open"), "the longer Allow wins");
    assertFalse(rules.allows("/private/open/more"), "$ anchors the end");
    assertFalse(rules.allows("/data/quotes.json"), "* matches any run");
    assertTrue(rules.allows("/data/quotes.json?x=1"));
  }

  @Test
  void ourOwnGroup_replacesTheStarGroup() {
    RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /\n\nUser-agent: patchbaysamples\nDisallow: /slow/\n",
        "PatchbaySamples");

    assertTrue(rules.allows("/page/1/"));
    assertFalse(rules.allows("/slow/page"));
  }

  @Test
  void consecutiveUserAgentLines_shareOneGroup() {
    RobotsRules rules = RobotsRules.parse("User-agent: a\nUser-agent: *\nDisallow: /x\n", "PatchbaySamples");

    assertFalse(rules.allows("/x/1"));
  }

  @Test
  void serverErrorRules_disallowEverything() {
    assertFalse(RobotsRules.DISALLOW_ALL.allows("/"));
    assertTrue(RobotsRules.ALLOW_ALL.allows("/anything"));
  }
}
