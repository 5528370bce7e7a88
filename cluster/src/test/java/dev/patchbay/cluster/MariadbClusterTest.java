package dev.patchbay.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.cluster.TestDatabase.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in two JVMs on the MariaDB server of {@code .ci/start-databases.sh}: the InnoDB DDL
 * and Quartz's standard delegate, with its string booleans, run each firing once.
 */
final class MariadbClusterTest {
  private static final Duration READY = Duration.ofSeconds(60);

  private final List<NodeProcess> nodes = new ArrayList<>();
  private TestDatabase database;
  private String cluster;
  private String table;

  @AfterEach
  void cleanUp() throws Exception {
    for (NodeProcess node : nodes) {
      node.close();
    }
    if (table != null) {
      database.execute("DROP TABLE IF EXISTS " + table);
      database.execute("DROP TABLE IF EXISTS " + table + "_dup");
      database.deleteCluster(cluster);
    }
  }

  @Test
  void every_twoNodes_runEachFiringOnceWithoutGaps() throws Exception {
    database = TestDatabase.mariadb();
    cluster = TestDatabase.uniqueName("maria");
    table = TestDatabase.uniqueName("runs");
    database.createRunTable(table, /* unique= */ true);
    for (int i = 1; i <= 2; i++) {
      nodes.add(NodeProcess.start(database, cluster, "node-" + i, 2_000, 3));
    }
    for (NodeProcess node : nodes) {
      node.await("READY", READY);
      node.send("every record 500 table=" + table);
      node.await("EVERY", READY);
    }

    Thread.sleep(4_000);
    long closing = System.currentTimeMillis();
    for (NodeProcess node : nodes) {
      node.send("close 5000");
    }
    for (NodeProcess node : nodes) {
      node.await("CLOSED", READY);
    }

    assertEquals(List.of(), database.rows(table + "_dup"), "runs of a firing that already ran");
    List<Row> runs = database.rows(table).stream()
        .filter(row -> row.fireTime() < closing - 1_000).toList();
    assertTrue(runs.size() >= 4, runs::toString);
    for (int i = 1; i < runs.size(); i++) {
      assertEquals(500, runs.get(i).fireTime() - runs.get(i - 1).fireTime(), runs::toString);
    }
  }
}
