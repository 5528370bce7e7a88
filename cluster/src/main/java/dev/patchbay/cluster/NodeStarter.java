package dev.patchbay.cluster;

import dev.patchbay.Registry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.DefaultThreadExecutor;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.jdbcjobstore.InvalidConfigurationException;
import org.quartz.simpl.SimpleThreadPool;
import org.quartz.simpl.ZeroSizeThreadPool;
import org.quartz.spi.ThreadPool;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/** Starts the Quartz scheduler of one node: checks the database, creates the tables, joins. */
final class NodeStarter {
  /**
   * How long an idle node waits before looking for firings other nodes scheduled (a node hears of
   * its own at once). Quartz's minimum; its default is 30 s.
   */
  private static final long IDLE_WAIT_MILLIS = 1_000;
  /** Quartz's default: a firing more than this late follows its misfire rule instead. */
  private static final long MISFIRE_THRESHOLD_MILLIS = 60_000;

  private NodeStarter() {}

  static Scheduler start(ClusterScheduler.Builder settings, Duration allowance,
      Registry<ClusterTask> tasks, NodeRuns runs) {
    DataSource dataSource = settings.dataSource;
    String where = JdbcUrls.describe(dataSource);
    String nodeId = settings.nodeId;
    String cluster = settings.clusterName;
    Dialect dialect;
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException | RuntimeException e) {
      throw new ClusterStartException("node " + nodeId + " cannot reach the database at " + where
          + ": " + e.getMessage(), e);
    }
    try (connection) {
      dialect = Dialect.forProduct(connection.getMetaData().getDatabaseProductName(), where);
      SchemaInstaller.install(connection, dialect);
      checkNodeIdFree(connection, cluster, nodeId, allowance);
    } catch (SQLException | RuntimeException e) {
      throw e instanceof ClusterStartException started ? started : new ClusterStartException(
          "node " + nodeId + " cannot use the database at " + where + ": " + e.getMessage(), e);
    }

    synchronized (NodeStarter.class) {
      if (SchedulerRepository.getInstance().lookup(cluster) != null) {
        throw new ClusterStartException("this JVM already runs a node of cluster '" + cluster
            + "'; one JVM is one node (close it first, or use another cluster name)", null);
      }
      // Quartz finds data sources by name in its connection manager; the user's DataSource
      // goes in as it is, with whatever pooling it has.
      String dataSourceName = "patchbay.cluster." + cluster + "." + nodeId;
      DBConnectionManager.getInstance().addConnectionProvider(dataSourceName,
          new DataSourceProvider(dataSource));
      ClusterJobStore store = new ClusterJobStore(allowance.toMillis());
      store.setDataSource(dataSourceName);
      store.setIsClustered(true);
      // Check in twice per interval: a dead node is then noticed half an interval plus the
      // allowance after its last check-in, by a survivor that looks every half interval, so its
      // runs restart within about 1.25 intervals, well inside the promised two.
      store.setClusterCheckinInterval(Math.max(50, settings.checkInInterval.toMillis() / 2));
      store.setMisfireThreshold(MISFIRE_THRESHOLD_MILLIS);
      // Without the lock Quartz acquires a single trigger optimistically (UPDATE ... WHERE
      // state = WAITING), and a trigger that fired and returned to WAITING in between can be
      // acquired by two nodes for the same fire time. Under the lock, acquisitions take turns.
      store.setAcquireTriggersWithinLock(true);
      // Job data as string properties, never Java serialization; parameters are strings anyway.
      store.setUseProperties("true");
      try {
        store.setDriverDelegateClass(dialect.delegateClass());
        DirectSchedulerFactory.getInstance().createScheduler(cluster, nodeId,
            threadPool(settings.threads, nodeId), new DefaultThreadExecutor(), store,
            /* schedulerPluginMap= */ null, /* rmiRegistryHost= */ null, /* rmiRegistryPort= */ 0,
            IDLE_WAIT_MILLIS, /* dbFailureRetryInterval= */ -1, /* jmxExport= */ false,
            /* jmxObjectName= */ null, /* maxBatchSize= */ 1, /* batchTimeWindow= */ 0,
            /* makeSchedThreadDaemon= */ true);
        Scheduler scheduler = DirectSchedulerFactory.getInstance().getScheduler(cluster);
        scheduler.setJobFactory(TaskJob.factory(tasks, runs));
        // A node without threads only schedules: Quartz's firing loop must not run on its
        // zero-size pool, and a node that runs nothing has no work for others to recover.
        if (settings.threads > 0) {
          scheduler.start();
        }
        return scheduler;
      } catch (SchedulerException | InvalidConfigurationException e) {
        Scheduler half = SchedulerRepository.getInstance().lookup(cluster);
        if (half != null) {
          try {
            half.shutdown(false);
          } catch (SchedulerException ignored) {
            // Already failing; the start failure below is the one to report.
          }
        }
        throw new ClusterStartException("node " + nodeId + " could not start Quartz on the"
            + " database at " + where + ": " + e.getMessage(), e);
      }
    }
  }

  private static ThreadPool threadPool(int threads, String nodeId) {
    if (threads == 0) {
      return new ZeroSizeThreadPool();
    }
    SimpleThreadPool pool = new SimpleThreadPool(threads, Thread.NORM_PRIORITY);
    pool.setThreadNamePrefix("patchbay-cluster-" + nodeId);
    // close() interrupts what its grace period cuts off; daemons never hold the JVM open.
    pool.setMakeThreadsDaemons(true);
    return pool;
  }

  /**
   * Refuses a node id that a live node checked in with: Quartz would take that node's running
   * work for a dead node's and run it twice.
   */
  private static void checkNodeIdFree(Connection connection, String cluster, String nodeId,
      Duration allowance) throws SQLException {
    String sql = "SELECT LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM QRTZ_SCHEDULER_STATE"
        + " WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, cluster);
      statement.setString(2, nodeId);
      try (ResultSet row = statement.executeQuery()) {
        if (!row.next()) {
          return;
        }
        long lastCheckIn = row.getLong(1);
        long aliveUntil = lastCheckIn + row.getLong(2) + allowance.toMillis();
        long now = System.currentTimeMillis();
        if (now < aliveUntil) {
          throw new ClusterStartException(String.format(Locale.ROOT,
              "node id '%s' is in use: a node of cluster '%s' with that id checked in %.1f s ago;"
                  + " give every node its own id, or wait %.1f s for the old node to count as dead",
              nodeId, cluster, (now - lastCheckIn) / 1000.0, (aliveUntil - now) / 1000.0), null);
        }
      }
    }
  }

  /** Hands Quartz connections from the user's DataSource. */
  private record DataSourceProvider(DataSource dataSource) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
      // The DataSource belongs to the caller, who closes it.
    }

    @Override
    public void initialize() {
      // Nothing to set up: the DataSource is ready.
    }
  }
}
