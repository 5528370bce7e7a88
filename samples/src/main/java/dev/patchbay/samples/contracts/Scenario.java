package dev.patchbay.samples.contracts;

import java.util.List;

/**
 * One broken plugin a user might write, bundled as sources with its fixed version.
 *
 * <p>Sources live in the jar under {@code dev/patchbay/samples/contracts/<id>/}: a file in
 * {@code broken/} or {@code fixed/} replaces the shared one of the same name for that variant.
 *
 * @param id the resource folder and the name on the command line
 * @param title what is wrong, in the user's words
 * @param rule the Patchbay rule that catches it
 * @param files the source file names the scenario compiles
 * @param expectedError a fragment the processor's error must contain
 * @param registry binary name of a registry the fixed version generates, or null
 */
public record Scenario(String id, String title, String rule, List<String> files,
    String expectedError, String registry) {

  /** Copies the file list. */
  public Scenario {
    files = List.copyOf(files);
  }

  /**
   * Every bundled scenario, in the order the demo shows them.
   *
   * @return the scenarios
   */
  public static List<Scenario> all() {
    return List.of(
        new Scenario("push", "A push notification service that forgets send",
            "@MustOverride on Notifier.send: a default body does not excuse a plugin",
            List.of("Notifier.java", "EmailNotifier.java", "PushNotifier.java"),
            "does not override", "demo.push.NotifierRegistry"),
        new Scenario("duplicate", "Two database backends registered under the same name",
            "names and aliases are unique per extension point",
            List.of("Backend.java", "SqliteBackend.java", "DuckDbBackend.java"),
            "is registered twice", "demo.duplicate.BackendRegistry"),
        new Scenario("constructor", "A database backend the registry cannot construct",
            "a plugin needs the constructor its registry calls (@RequireConstructor for typed"
                + " factories)",
            List.of("Backend.java", "SqliteBackend.java", "PostgresBackend.java"),
            "constructor", "demo.constructor.BackendRegistry"),
        new Scenario("job", "A @Job class without a process method",
            "@Contract annotations: @RequireMethod(name = \"process\") on @Job applies to every"
                + " class carrying @Job",
            List.of("Job.java", "CleanupJob.java", "ReportJob.java"),
            "does not declare", null));
  }
}
