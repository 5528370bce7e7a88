package dev.patchbay.cluster;

import dev.patchbay.Registry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.quartz.InterruptableJob;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * The one Quartz job class of the cluster: reads the plugin name from the job data, creates the
 * task through the registry and runs it. Quartz stores this class's name in its tables; the
 * user's task classes are only ever named by their plugin names.
 */
final class TaskJob implements InterruptableJob {
  /** Job data key of the plugin name. */
  static final String TASK_KEY = "patchbay.task";
  /** Prefix of the job data keys that hold the task's parameters. */
  static final String PARAMETER_PREFIX = "param.";

  private final Registry<ClusterTask> registry;
  private final Node node;
  // Written by the run's own thread before the task starts; read by interrupt() from another.
  private volatile Thread runner;

  private TaskJob(Registry<ClusterTask> registry, Node node) {
    this.registry = registry;
    this.node = node;
  }

  /** What a run needs from the scheduler that started it. */
  interface Node {
    /** The id of this node. */
    String nodeId();

    /** Records that a run started; returns nothing, the run is keyed by its fire instance id. */
    void started(String fireInstanceId, TaskRun run, TaskJob job);

    /** Records that a run ended, however it ended. */
    void finished(String fireInstanceId);

    /** Reports a failed run. */
    void failed(TaskFailure failure);
  }

  /** The Quartz job factory: every firing gets a TaskJob bound to the registry. */
  static JobFactory factory(Registry<ClusterTask> registry, Node node) {
    return new JobFactory() {
      @Override
      public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
        return new TaskJob(registry, node);
      }
    };
  }

  /** Writes the job data of a task: its plugin name and its parameters, all strings. */
  static JobDataMap jobData(String taskName, Map<String, String> parameters) {
    JobDataMap data = new JobDataMap();
    data.put(TASK_KEY, taskName);
    parameters.forEach((name, value) -> data.put(PARAMETER_PREFIX + name, value));
    return data;
  }

  /** Reads the parameters back from job data written by {@link #jobData}. */
  static Map<String, String> parameters(JobDataMap data) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String key : data.getKeys()) {
      if (key.startsWith(PARAMETER_PREFIX)) {
        parameters.put(key.substring(PARAMETER_PREFIX.length()), data.getString(key));
      }
    }
    return parameters;
  }

  @Override
  public void execute(JobExecutionContext context) {
    JobDataMap data = context.getMergedJobDataMap();
    String taskName = data.getString(TASK_KEY);
    Instant fireTime = context.getScheduledFireTime().toInstant();
    int attempt = 1;
    if (context.isRecovering()) {
      // Quartz re-fires a dead node's run through a new trigger in its recovery group, carrying
      // the original firing in the trigger's data. A recovered recovery names that group.
      String original = data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
      if (original != null) {
        fireTime = Instant.ofEpochMilli(Long.parseLong(original));
      }
      attempt = Scheduler.DEFAULT_RECOVERY_GROUP.equals(
          data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_GROUP)) ? 3 : 2;
    }
    String fireInstanceId = context.getFireInstanceId();
    runner = Thread.currentThread();
    node.started(fireInstanceId, new TaskRun(taskName, fireTime, attempt, Instant.now()), this);
    try {
      ClusterTask task = registry.create(taskName);
      task.run(new TaskContext(taskName, parameters(data), node.nodeId(), fireTime, attempt,
          context.isRecovering()));
    } catch (Throwable failure) {
      if (failure instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      // Reported here, not rethrown: Quartz would only log it again, and the schedule goes on.
      node.failed(new TaskFailure(taskName, node.nodeId(), fireTime, attempt, failure));
      if (failure instanceof VirtualMachineError fatal) {
        throw fatal;
      }
    } finally {
      runner = null;
      node.finished(fireInstanceId);
    }
  }

  /** Interrupts the running task; the scheduler calls this for runs its grace period cut off. */
  @Override
  public void interrupt() {
    Thread thread = runner;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
