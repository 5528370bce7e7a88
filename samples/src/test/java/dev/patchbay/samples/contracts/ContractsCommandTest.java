package dev.patchbay.samples.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real processor over the bundled fixtures: a black-box test of its diagnostics. */
final class ContractsCommandTest {

  @Test
  void allScenarios_showTheProcessorsErrors_thenCompileTheFixes() {
    CliRunner.Result result = CliRunner.run("contracts");

    assertEquals(0, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.contains("PushNotifier.java:6: error: PushNotifier does not override"
        + " Notifier.send(String, String)"), out);
    assertTrue(out.contains("error: The name \"sqlite\" is registered twice for extension point"
        + " demo.duplicate.Backend"), out);
    assertTrue(out.contains("PostgresBackend.java:5: error: @Plugin class"
        + " demo.constructor.PostgresBackend needs a public no-argument constructor"), out);
    assertTrue(out.contains("ReportJob.java:4: error: ReportJob does not declare"), out);
    assertTrue(out.contains("did you mean 'process'?"), out);
    // The fixed versions compile, and their generated registries load and run.
    assertTrue(out.contains("NotifierRegistry.names() = [email, push]"), out);
    assertTrue(out.contains("BackendRegistry.names() = [duckdb, sqlite]"), out);
    // The typed factory follows @RequireConstructor(parameters = String.class).
    assertTrue(out.contains("BackendRegistry.names() = [postgres, sqlite]; create(String, String)"),
        out);
    assertEquals(4, out.lines().filter(l -> l.contains("fixed:  compiles cleanly")).count(), out);
    assertEquals("", result.err());
  }

  @Test
  void oneScenario_withSources() {
    CliRunner.Result result = CliRunner.run("contracts", "--show-sources", "job");

    assertEquals(0, result.exitCode(), result::toString);
    assertTrue(result.out().startsWith("1/1  A @Job class without a process method"),
        result::toString);
    assertTrue(result.out().contains("| @RequireMethod(name = \"process\", parameters = {})"),
        result::toString);
  }

  @Test
  void unknownScenario_isExitCode2() {
    CliRunner.Result result = CliRunner.run("contracts", "pushh");

    assertEquals(CliErrors.USAGE, result.exitCode(), result::toString);
    assertTrue(result.err().contains("no contracts scenario is named 'pushh'"), result::toString);
  }

  @Test
  void fixtureCompiler_reportsEveryBrokenVariantAsFailed(@TempDir Path dir) throws Exception {
    FixtureCompiler compiler = FixtureCompiler.create();
    for (Scenario scenario : Scenario.all()) {
      FixtureCompiler.Outcome broken =
          compiler.compile(scenario, "broken", dir.resolve(scenario.id()));

      assertTrue(!broken.success() && !broken.errors().isEmpty(), scenario.id());
      assertTrue(broken.errors().stream()
          .allMatch(e -> e.file().endsWith(".java") && e.line() > 0), broken.messages()::toString);
    }
  }
}
