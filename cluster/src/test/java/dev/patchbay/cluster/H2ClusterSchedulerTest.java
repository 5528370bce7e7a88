package dev.patchbay.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.UnknownPluginException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One node in the test's own JVM on an embedded H2 database: the API without a server. */
final class H2ClusterSchedulerTest {
  @TempDir
  Path folder;

  private DriverDataSource dataSource;
  private Connection keepOpen;

  @BeforeEach
  void database() throws Exception {
    dataSource = DriverDataSource.of("jdbc:h2:async:" + folder.resolve("cluster"), "sa", "");
    // H2 closes an embedded database with its last connection; one held open spares every
    // scheduler connection from reopening the file.
    keepOpen = dataSource.getConnection();
    TestTasks.REMEMBERED.clear();
  }

  @AfterEach
  void closeDatabase() throws Exception {
    keepOpen.close();
  }

  private ClusterScheduler.Builder node() {
    return ClusterScheduler.builder(dataSource).clusterName("h2-test").nodeId("only")
        .checkInInterval(Duration.ofSeconds(1));
  }

  @Test
  void start_createsTheTablesOnce_andSubmitRunsTheTaskWithItsContext() throws Exception {
    Instant before = Instant.now().minusMillis(1);
    try (ClusterScheduler scheduler = node().start()) {
      scheduler.submit("remember", Map.of("file", "a.png"));
      TaskContext context = TestTasks.REMEMBERED.poll(30, TimeUnit.SECONDS);
      assertEquals(new TaskContext("remember", Map.of("file", "a.png"), "only",
          context.scheduledFireTime(), 1, false), context);
      assertFalse(context.scheduledFireTime().isBefore(before), context::toString);
    }
    assertEquals(List.of(), SchemaInstaller.missing(dataSource.getConnection(),
        SchemaInstaller.tables(SchemaInstaller.statements(Dialect.H2))));
    // A second start finds the tables and changes nothing.
    try (ClusterScheduler scheduler = node().start()) {
      scheduler.submit("remember", Map.of());
      assertEquals(Map.of(), TestTasks.REMEMBERED.poll(30, TimeUnit.SECONDS).parameters());
    }
  }

  @Test
  void every_isIdempotent_andReplacesOnChange() throws Exception {
    try (ClusterScheduler scheduler = node().start()) {
      assertTrue(scheduler.every("remember", Duration.ofHours(1), Map.of("to", "ops")));
      assertFalse(scheduler.every("remember", Duration.ofHours(1), Map.of("to", "ops")));
      assertTrue(scheduler.every("remember", Duration.ofHours(1), Map.of("to", "dev")));
      assertTrue(scheduler.every("remember", Duration.ofHours(2), Map.of("to", "dev")));
      assertEquals(1, jobRows());
      assertTrue(scheduler.cancel("remember"));
      assertFalse(scheduler.cancel("remember"));
      assertEquals(0, jobRows());
    }
  }

  @Test
  void unknownTaskName_failsWithTheRegistrysSuggestion_andStoresNothing() throws Exception {
    try (ClusterScheduler scheduler = node().start()) {
      UnknownPluginException every = assertThrows(UnknownPluginException.class,
          () -> scheduler.every("rember", Duration.ofSeconds(1), Map.of()));
      assertTrue(every.getMessage().contains("did you mean 'remember'?"), every::getMessage);
      assertTrue(every.getMessage().contains(ClusterTask.class.getName()), every::getMessage);
      UnknownPluginException submit = assertThrows(UnknownPluginException.class,
          () -> scheduler.submit("slep", Map.of()));
      assertTrue(submit.getMessage().contains("did you mean 'sleep'?"), submit::getMessage);
      assertEquals(0, jobRows());
    }
  }

  @Test
  void badArguments_failWithWhatWouldBeRight() throws Exception {
    try (ClusterScheduler scheduler = node().start()) {
      IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
          () -> scheduler.every("remember", Duration.ZERO, Map.of()));
      assertEquals("the interval of task 'remember' must be at least 1 ms, was PT0S",
          interval.getMessage());
      ClusterStartException twice = assertThrows(ClusterStartException.class,
          () -> node().nodeId("other").start());
      assertTrue(twice.getMessage().contains("already runs a node of cluster 'h2-test'"),
          twice::getMessage);
    }
    assertThrows(IllegalArgumentException.class, () -> node().threads(-1));
    assertThrows(IllegalArgumentException.class,
        () -> node().checkInInterval(Duration.ofMillis(10)));
    ClusterScheduler closed = node().start();
    closed.close();
    IllegalStateException afterClose = assertThrows(IllegalStateException.class,
        () -> closed.submit("remember", Map.of()));
    assertEquals("node only is closed; start a new one", afterClose.getMessage());
  }

  @Test
  void shutdown_waitsForShortRuns_andReportsAndInterruptsTheOnesItCutsOff() throws Exception {
    List<TaskFailure> failures = new CopyOnWriteArrayList<>();
    ClusterScheduler scheduler = node().threads(2).onFailure(failures::add).start();
    scheduler.submit("sleep", Map.of("millis", "600000"));
    scheduler.submit("sleep", Map.of("millis", "300"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (scheduler.running().size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(2, scheduler.running().size(), () -> "running: " + scheduler.running());

    List<TaskRun> cutOff = scheduler.shutdown(Duration.ofSeconds(3));

    assertEquals(1, cutOff.size(), cutOff::toString);
    assertEquals("sleep", cutOff.get(0).taskName());
    // The cut-off run was interrupted, which its task reports as a failure.
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (failures.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(1, failures.size(), failures::toString);
    assertTrue(failures.get(0).cause() instanceof InterruptedException, failures::toString);
    assertEquals("only", failures.get(0).nodeId());
    assertEquals(List.of(), scheduler.shutdown(Duration.ZERO), "a second shutdown is a no-op");
  }

  private int jobRows() throws Exception {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery(
            "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE SCHED_NAME = 'h2-test'")) {
      count.next();
      return count.getInt(1);
    }
  }
}
