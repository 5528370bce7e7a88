package dev.patchbay.samples.scrape;

/** A way the offline quotes server can misbehave on one page, so each failure can be shown on purpose. */
public enum Fault {
  /** The page answers 404 Not Found. */
  NOT_FOUND,
  /** The page answers 500 Internal Server Error. */
  SERVER_ERROR,
  /** The page answers 200 with HTML cut off in the middle of a quote. */
  MALFORMED_HTML,
  /** The page streams a body of several megabytes, larger than any sensible cap. */
  OVERSIZED_BODY,
  /** The page redirects to a pair of addresses that redirect to each other. */
  REDIRECT_LOOP,
  /** The page never answers until the server closes, so the client's timeout fires. */
  HANG,
  /** The page is listed as {@code Disallow} in robots.txt (it would still answer if asked). */
  DISALLOWED_BY_ROBOTS
}
