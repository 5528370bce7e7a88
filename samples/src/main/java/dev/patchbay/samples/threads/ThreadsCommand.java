package dev.patchbay.samples.threads;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code threads}: the threading lessons, one subcommand each. */
@Command(
    name = "threads",
    mixinStandardHelpOptions = true,
    description = "Threading lessons: race, lock, event, semaphore, queue, deadlock, cpu (no GIL).",
    subcommands = {
        RaceDemo.class,
        LockDemo.class,
        EventDemo.class,
        SemaphoreDemo.class,
        QueueDemo.class,
        DeadlockDemo.class,
        CpuDemo.class,
    })
public final class ThreadsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** Creates the command; picocli fills in its spec. */
  public ThreadsCommand() {}

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "choose a lesson: threads race|lock|event|semaphore|queue|deadlock|cpu (see threads --help)");
  }
}
