package dev.patchbay.cluster;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registries;
import dev.patchbay.Registry;
import dev.patchbay.UnknownPluginException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * One node of a cluster that runs {@link ClusterTask} plugins by name on Quartz's clustered JDBC
 * job store: every node that shares the database and cluster name shares the schedule, each
 * firing runs on exactly one node, and the runs of a node that dies run again elsewhere.
 *
 * <pre>{@code
 * try (ClusterScheduler scheduler = ClusterScheduler.builder(dataSource)
 *     .nodeId("node-a").threads(4).checkInInterval(Duration.ofSeconds(2)).start()) {
 *   scheduler.every("nightly-report", Duration.ofSeconds(5), Map.of("to", "ops"));
 *   scheduler.submit("resize-image", Map.of("file", "a.png"));
 * }
 * }</pre>
 *
 * <p>A JVM runs at most one node of each cluster.
 */
public final class ClusterScheduler implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ClusterScheduler.class.getName());

  /** Quartz group of the schedules made by {@link #every}; one per task name. */
  static final String EVERY_GROUP = "patchbay.every";
  /** Quartz group of the one-off runs made by {@link #submit}. */
  static final String ONCE_GROUP = "patchbay.once";

  // Column widths of Quartz's tables (the narrowest across the supported scripts).
  private static final int MAX_CLUSTER_NAME = 120;
  private static final int MAX_NODE_ID = 190;
  private static final int MAX_TASK_NAME = 190;

  private final Scheduler quartz;
  private final DataSource dataSource;
  private final String clusterName;
  private final Registry<ClusterTask> registry;
  private final NodeRuns runs;
  private final String nodeId;
  private final Duration gracePeriod;
  // Set once by the first shutdown; volatile so that every() and submit() see it at once.
  private volatile boolean closed;

  ClusterScheduler(Scheduler quartz, DataSource dataSource, String clusterName,
      Registry<ClusterTask> registry, NodeRuns runs, Duration gracePeriod) {
    this.quartz = quartz;
    this.dataSource = dataSource;
    this.clusterName = clusterName;
    this.registry = registry;
    this.runs = runs;
    this.nodeId = runs.nodeId();
    this.gracePeriod = gracePeriod;
  }

  /**
   * Starts configuring a node on {@code dataSource}.
   *
   * @param dataSource the database every node of the cluster shares (PostgreSQL, MySQL/MariaDB
   *     with InnoDB, or H2); {@link DriverDataSource#of} makes one from a JDBC URL
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** Returns this node's id. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Runs {@code taskName} every {@code interval} on some node of the cluster, from now on.
   *
   * <p>One schedule per task name across the cluster: every node may call this at start-up with
   * the same values, and only the first call creates the schedule (later ones keep its fire
   * times). A call with another interval or other parameters replaces the schedule.
   *
   * @param taskName the plugin name (or alias) of the task
   * @param interval the time between fire times, at least one millisecond
   * @param parameters what {@link TaskContext#parameters()} gives the task
   * @return true when this call created or replaced the schedule, false when it was already so
   * @throws UnknownPluginException when no plugin answers to {@code taskName}; nothing is stored
   * @throws IllegalArgumentException when the interval is under a millisecond
   * @throws IllegalStateException when the scheduler is closed or the database fails
   */
  public boolean every(String taskName, Duration interval, Map<String, String> parameters) {
    checkTaskName(taskName);
    Map<String, String> params = checkParameters(parameters);
    long millis = Objects.requireNonNull(interval, "interval").toMillis();
    if (millis < 1) {
      throw new IllegalArgumentException(
          "the interval of task '" + taskName + "' must be at least 1 ms, was " + interval);
    }
    JobKey jobKey = JobKey.jobKey(taskName, EVERY_GROUP);
    JobDetail job = JobBuilder.newJob(TaskJob.class).withIdentity(jobKey)
        .usingJobData(TaskJob.jobData(taskName, params)).requestRecovery().build();
    Trigger trigger = TriggerBuilder.newTrigger()
        .withIdentity(TriggerKey.triggerKey(taskName, EVERY_GROUP)).forJob(jobKey).startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(millis)
            .repeatForever()
            // Fixed rate: after a pause the schedule resumes at its next fire time.
            .withMisfireHandlingInstructionNextWithExistingCount())
        .build();
    try {
      // Two attempts: a node that loses the creation race reads the winner's schedule.
      for (int attempt = 0; ; attempt++) {
        if (sameSchedule(jobKey, trigger.getKey(), millis, params)) {
          return false;
        }
        try {
          boolean exists = quartz.checkExists(jobKey);
          quartz.scheduleJob(job, Set.of(trigger), /* replace= */ exists);
          return true;
        } catch (ObjectAlreadyExistsException raced) {
          if (attempt > 0) {
            throw raced;
          }
        }
      }
    } catch (SchedulerException e) {
      throw failure("schedule task '" + taskName + "'", e);
    }
  }

  /**
   * Runs {@code taskName} once, as soon as a node of the cluster has a free thread.
   *
   * @param taskName the plugin name (or alias) of the task
   * @param parameters what {@link TaskContext#parameters()} gives the task
   * @return the id of this run
   * @throws UnknownPluginException when no plugin answers to {@code taskName}; nothing is stored
   * @throws IllegalStateException when the scheduler is closed or the database fails
   */
  public String submit(String taskName, Map<String, String> parameters) {
    checkTaskName(taskName);
    Map<String, String> params = checkParameters(parameters);
    String id = UUID.randomUUID().toString();
    JobDetail job = JobBuilder.newJob(TaskJob.class).withIdentity(id, ONCE_GROUP)
        .usingJobData(TaskJob.jobData(taskName, params)).requestRecovery().build();
    Trigger trigger = TriggerBuilder.newTrigger().withIdentity(id, ONCE_GROUP).startNow()
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withMisfireHandlingInstructionFireNow())
        .build();
    try {
      quartz.scheduleJob(job, trigger);
      return id;
    } catch (SchedulerException e) {
      throw failure("submit task '" + taskName + "'", e);
    }
  }

  /**
   * Removes the schedule {@link #every} made for {@code taskName}, on every node.
   *
   * @param taskName the task name given to {@code every}
   * @return true when there was such a schedule
   * @throws IllegalStateException when the scheduler is closed or the database fails
   */
  public boolean cancel(String taskName) {
    Objects.requireNonNull(taskName, "taskName");
    try {
      return quartz.deleteJob(JobKey.jobKey(taskName, EVERY_GROUP));
    } catch (SchedulerException e) {
      throw failure("cancel task '" + taskName + "'", e);
    }
  }

  /** Returns the runs in progress on this node, oldest first. */
  public List<TaskRun> running() {
    return runs.runs();
  }

  /**
   * Stops taking new firings, waits for this node's runs up to {@code grace}, then stops.
   *
   * <p>Runs still going after the grace period are interrupted and returned. Their firings stay
   * recorded as running on this node, so the cluster re-runs them (attempt 2) once this node
   * counts as dead, like the runs of a node that crashed.
   *
   * @param grace how long to wait for running tasks
   * @return the runs the grace period cut off; empty when every run finished
   */
  public List<TaskRun> shutdown(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    synchronized (this) {
      if (closed) {
        return List.of();
      }
      closed = true;
    }
    try {
      quartz.standby();
    } catch (SchedulerException e) {
      LOG.log(System.Logger.Level.WARNING, "node " + nodeId + " could not pause", e);
    }
    List<TaskRun> cutOff = runs.awaitIdle(System.nanoTime() + grace.toNanos());
    try {
      quartz.shutdown(/* waitForJobsToComplete= */ false);
    } catch (SchedulerException e) {
      LOG.log(System.Logger.Level.WARNING, "node " + nodeId + " did not shut down cleanly", e);
    }
    markGone();
    if (!cutOff.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, String.format(Locale.ROOT,
          "node %s: the grace period of %s cut off %d run(s), interrupted: %s", nodeId, grace,
          cutOff.size(), cutOff));
    }
    return cutOff;
  }

  /**
   * Closes this node with the builder's grace period; see {@link #shutdown(Duration)}. The runs it
   * cut off are logged as a warning naming each task.
   */
  @Override
  public void close() {
    shutdown(gracePeriod);
  }

  /**
   * Backdates this node's last check-in so that the other nodes treat it as dead at their next
   * check-in rather than after the detection margin: they release the firings it had acquired
   * but not started, and re-run the runs the grace period cut off. The node id is free again at
   * once.
   */
  private void markGone() {
    String sql = "UPDATE QRTZ_SCHEDULER_STATE SET LAST_CHECKIN_TIME = 0"
        + " WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, clusterName);
      statement.setString(2, nodeId);
      statement.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "node " + nodeId + " could not sign off; the other"
          + " nodes take over its acquired firings once it counts as dead", e);
    }
  }

  private void checkTaskName(String taskName) {
    Objects.requireNonNull(taskName, "taskName");
    if (closed) {
      throw new IllegalStateException("node " + nodeId + " is closed; start a new one");
    }
    if (!registry.contains(taskName)) {
      Set<String> known = new TreeSet<>();
      for (PluginInfo plugin : registry.plugins()) {
        known.add(plugin.name());
        known.addAll(plugin.aliases());
      }
      throw UnknownPluginException.of(ClusterTask.class.getName(), taskName, known);
    }
    if (taskName.length() > MAX_TASK_NAME) {
      throw new IllegalArgumentException("task name '" + taskName + "' has " + taskName.length()
          + " characters; Quartz's tables hold at most " + MAX_TASK_NAME);
    }
  }

  private static Map<String, String> checkParameters(Map<String, String> parameters) {
    Objects.requireNonNull(parameters, "parameters");
    parameters.forEach((name, value) -> {
      if (name == null || value == null) {
        throw new IllegalArgumentException(
            "task parameters must be non-null names and values; got " + name + "=" + value);
      }
    });
    return Map.copyOf(parameters);
  }

  private boolean sameSchedule(JobKey jobKey, TriggerKey triggerKey, long millis,
      Map<String, String> params) throws SchedulerException {
    Trigger existing = quartz.getTrigger(triggerKey);
    if (!(existing instanceof SimpleTrigger simple) || simple.getRepeatInterval() != millis) {
      return false;
    }
    JobDetail job = quartz.getJobDetail(jobKey);
    return job != null && TaskJob.parameters(job.getJobDataMap()).equals(params);
  }

  private IllegalStateException failure(String what, SchedulerException e) {
    return new IllegalStateException("node " + nodeId + " could not " + what + ": "
        + e.getMessage(), e);
  }

  /** Configures and starts one node; every setting has a default but the data source. */
  public static final class Builder {
    final DataSource dataSource;
    String nodeId;
    String clusterName = "patchbay";
    int threads = 4;
    Duration checkInInterval = Duration.ofSeconds(5);
    Duration clockSkewAllowance;
    Duration gracePeriod = Duration.ofSeconds(10);
    Registry<ClusterTask> registry;
    Consumer<TaskFailure> failureListener = failure -> { };

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets this node's id, unique among the running nodes of the cluster.
     *
     * @param nodeId up to 190 characters; default: host name and process id
     * @return this builder
     */
    public Builder nodeId(String nodeId) {
      this.nodeId = checkName("node id", nodeId, MAX_NODE_ID);
      return this;
    }

    /**
     * Sets the cluster's name: nodes on the same database share a schedule when their cluster
     * names match.
     *
     * @param clusterName up to 120 characters; default {@code patchbay}
     * @return this builder
     */
    public Builder clusterName(String clusterName) {
      this.clusterName = checkName("cluster name", clusterName, MAX_CLUSTER_NAME);
      return this;
    }

    /**
     * Sets how many tasks this node runs at once.
     *
     * @param threads 0 for a node that only schedules: it runs nothing and takes no part in
     *     check-ins or recovery; default 4
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder threads(int threads) {
      if (threads < 0) {
        throw new IllegalArgumentException("threads must be 0 or more, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets how soon the others notice that this node died: it tells the cluster it is alive
     * twice per interval, and its runs restart elsewhere within this interval plus the clock
     * skew allowance of its last check-in.
     *
     * @param interval at least 100 ms; default 5 s
     * @return this builder
     * @throws IllegalArgumentException when shorter than 100 ms
     */
    public Builder checkInInterval(Duration interval) {
      if (Objects.requireNonNull(interval, "interval").toMillis() < 100) {
        throw new IllegalArgumentException("the check-in interval must be at least 100 ms, was "
            + interval);
      }
      this.checkInInterval = interval;
      return this;
    }

    /**
     * Sets how late another node's check-in may be before it counts as dead: room for clocks
     * that differ between machines and for a slow database.
     *
     * @param allowance zero or more; default a quarter of the check-in interval
     * @return this builder
     */
    public Builder clockSkewAllowance(Duration allowance) {
      if (Objects.requireNonNull(allowance, "allowance").isNegative()) {
        throw new IllegalArgumentException("the clock skew allowance must not be negative, was "
            + allowance);
      }
      this.clockSkewAllowance = allowance;
      return this;
    }

    /**
     * Sets how long {@link ClusterScheduler#close()} waits for running tasks.
     *
     * @param gracePeriod zero or more; default 10 s
     * @return this builder
     */
    public Builder gracePeriod(Duration gracePeriod) {
      if (Objects.requireNonNull(gracePeriod, "gracePeriod").isNegative()) {
        throw new IllegalArgumentException("the grace period must not be negative, was "
            + gracePeriod);
      }
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * Sets the registry tasks are created from.
     *
     * @param registry default {@code Registries.of(ClusterTask.class)}
     * @return this builder
     */
    public Builder registry(Registry<ClusterTask> registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Sets who hears of failed runs on this node; they are also logged as warnings.
     *
     * @param listener called on the run's thread with the task name, node and cause
     * @return this builder
     */
    public Builder onFailure(Consumer<TaskFailure> listener) {
      this.failureListener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Creates the tables if they are missing, joins the cluster and starts running tasks.
     *
     * @return the running node
     * @throws ClusterStartException when the database cannot be reached or used (the message
     *     names its JDBC URL, never the password), or the node id is in use
     */
    public ClusterScheduler start() {
      if (nodeId == null) {
        nodeId = defaultNodeId();
      }
      Registry<ClusterTask> tasks = registry != null ? registry : Registries.of(ClusterTask.class);
      Duration allowance = clockSkewAllowance != null
          ? clockSkewAllowance : checkInInterval.dividedBy(4);
      NodeRuns runs = new NodeRuns(nodeId, failureListener);
      Scheduler quartz = NodeStarter.start(this, allowance, tasks, runs);
      return new ClusterScheduler(quartz, dataSource, clusterName, tasks, runs, gracePeriod);
    }

    private static String checkName(String what, String name, int maxLength) {
      Objects.requireNonNull(name, what);
      if (name.isBlank() || name.length() > maxLength) {
        throw new IllegalArgumentException(what + " '" + name + "' must be 1 to " + maxLength
            + " characters and not blank");
      }
      return name;
    }

    private static String defaultNodeId() {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (java.io.IOException e) {
        host = "localhost";
      }
      return host + "-" + ProcessHandle.current().pid();
    }
  }
}
