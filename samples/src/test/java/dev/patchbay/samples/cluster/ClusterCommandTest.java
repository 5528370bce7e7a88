package dev.patchbay.samples.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CliRunner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the cluster sample briefly on its embedded H2 default, with real node JVMs. */
final class ClusterCommandTest {

  @Test
  void cluster_embeddedDefault_runsEachFiringOnce_andReRunsTheKilledNodesJob() {
    CliRunner.Result result = CliRunner.run("cluster", "--nodes", "2", "--seconds", "6");

    assertEquals(CliErrors.OK, result.exitCode(), result::toString);
    String out = result.out();
    assertTrue(out.contains("node-1 is up; it created the tick schedule")
        || out.contains("node-2 is up; it created the tick schedule"), out);
    assertTrue(out.contains("killed node-"), out);
    assertTrue(out.contains("\nduplicates: 0\n"), out);
    assertTrue(out.contains("(killed)"), out);
    Matcher gap = Pattern.compile("failover gap: long-job ran again on (node-\\d) \\(attempt 2\\)")
        .matcher(out);
    assertTrue(gap.find(), out);
    Matcher killed = Pattern.compile("killed (node-\\d)").matcher(out);
    assertTrue(killed.find(), out);
    assertTrue(!gap.group(1).equals(killed.group(1)), out);
  }

  @Test
  void cluster_badOptions_sayWhatWouldBeRight() {
    CliRunner.Result one = CliRunner.run("cluster", "--nodes", "1");
    assertEquals(CliErrors.USAGE, one.exitCode(), one::toString);
    assertTrue(one.err().contains("--nodes 1: give 2 to 8 nodes"), one::toString);

    CliRunner.Result user = CliRunner.run("cluster", "--user", "app");
    assertEquals(CliErrors.USAGE, user.exitCode(), user::toString);
    assertTrue(user.err().contains("--user and --password-env go with --jdbc"), user::toString);

    CliRunner.Result password = CliRunner.run("cluster", "--jdbc", "jdbc:postgresql://127.0.0.1/x",
        "--password-env", "PATCHBAY_SURELY_UNSET_VARIABLE");
    assertEquals(CliErrors.USAGE, password.exitCode(), password::toString);
    assertTrue(password.err().contains("the environment variable PATCHBAY_SURELY_UNSET_VARIABLE"
        + " is not set"), password::toString);
  }
}
