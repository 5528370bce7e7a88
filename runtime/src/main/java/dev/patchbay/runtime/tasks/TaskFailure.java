package dev.patchbay.runtime.tasks;

/**
 * A failure that has no caller to receive it: a run of a fixed-rate job, or a work-queue item, that
 * threw. Passed to the listener of {@link TaskScheduler.Builder#onFailure}.
 *
 * @param source what failed, e.g. {@code fixed-rate job 'heartbeat'} or {@code work queue 'pages'}
 * @param error what it threw
 */
public record TaskFailure(String source, Throwable error) {}
