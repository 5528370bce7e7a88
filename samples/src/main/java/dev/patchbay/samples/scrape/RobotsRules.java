package dev.patchbay.samples.scrape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Allow/Disallow rules of a robots.txt that apply to one user agent (RFC 9309): the group
 * naming our agent if there is one, else the {@code *} group; the longest matching rule wins and
 * Allow wins a tie.
 */
final class RobotsRules {

  /** Rules that allow everything (no robots.txt, or one that says nothing about us). */
  static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), "no rules");
  /** Rules that allow nothing (robots.txt unavailable because of a server error, RFC 9309 §2.3.1.4). */
  static final RobotsRules DISALLOW_ALL =
      new RobotsRules(List.of(new Rule(false, "/", Pattern.compile("/.*"))), "server error: everything disallowed");

  private record Rule(boolean allow, String path, Pattern pattern) {}

  private final List<Rule> rules;
  private final String description;

  private RobotsRules(List<Rule> rules, String description) {
    this.rules = List.copyOf(rules);
    this.description = description;
  }

  /** Parses {@code text} and keeps the rules of the group for {@code agentToken}, or of {@code *}. */
  static RobotsRules parse(String text, String agentToken) {
    String agent = agentToken.toLowerCase(Locale.ROOT);
    List<Rule> ours = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    boolean groupIsOurs = false;
    boolean groupIsStar = false;
    boolean inAgentLines = false;
    boolean sawOurs = false;
    for (String raw : text.split("\r?\n|\r", -1)) {
      String line = raw.replaceFirst("#.*", "").trim();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (field.equals("user-agent")) {
        // Consecutive User-agent lines open one group together.
        if (!inAgentLines) {
          groupIsOurs = false;
          groupIsStar = false;
        }
        inAgentLines = true;
        String name = value.toLowerCase(Locale.ROOT);
        if (name.equals("*")) {
          groupIsStar = true;
        } else if (!name.isEmpty() && agent.contains(name)) {
          groupIsOurs = true;
          sawOurs = true;
        }
      } else if (field.equals("allow") || field.equals("disallow")) {
        inAgentLines = false;
        if (value.isEmpty()) {
          continue; // "Disallow:" with no path allows everything
        }
        Rule rule = new Rule(field.equals("allow"), value, toPattern(value));
        if (groupIsOurs) {
          ours.add(rule);
        }
        if (groupIsStar) {
          star.add(rule);
        }
      } else {
        inAgentLines = false;
      }
    }
    List<Rule> chosen = sawOurs ? ours : star;
    return new RobotsRules(chosen, chosen.size() + " rule(s) for " + (sawOurs ? agentToken : "*"));
  }

  /** Returns whether the path (with its query, if any) may be fetched. */
  boolean allows(String pathAndQuery) {
    Rule best = null;
    for (Rule rule : rules) {
      if (rule.pattern.matcher(pathAndQuery).lookingAt()) {
        boolean longer = best == null || rule.path.length() > best.path.length();
        boolean allowWinsTie = best != null && rule.path.length() == best.path.length() && rule.allow;
        if (longer || allowWinsTie) {
          best = rule;
        }
      }
    }
    return best == null || best.allow;
  }

  /** Returns a short description such as {@code 2 rule(s) for *}. */
  String description() {
    return description;
  }

  // '*' matches any run of characters and a trailing '$' anchors the end; the rest is literal.
  private static Pattern toPattern(String path) {
    boolean anchored = path.endsWith("$");
    String body = anchored ? path.substring(0, path.length() - 1) : path;
    StringBuilder regex = new StringBuilder();
    String[] parts = body.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
    }
    if (anchored) {
      regex.append('$');
    }
    return Pattern.compile(regex.toString());
  }
}
