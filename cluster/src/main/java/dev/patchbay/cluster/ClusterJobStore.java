package dev.patchbay.cluster;

import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.SchedulerStateRecord;

/**
 * Quartz's JDBC job store with a configurable margin before a silent node counts as dead.
 *
 * <p>Quartz adds a fixed 7.5 s to every node's check-in interval before recovering its work, so a
 * one-second check-in still waits more than eight seconds. Here the margin is the builder's clock
 * skew allowance: a node is dead once it has missed one check-in by more than that allowance.
 * Nodes check in twice per configured interval, so a dead node's work restarts within one
 * interval plus the allowance of its last check-in.
 */
// JobStoreTX overrides a generic method of JobStoreSupport with a raw type; nothing to do here.
@SuppressWarnings("unchecked")
final class ClusterJobStore extends JobStoreTX {
  private final long allowanceMillis;

  ClusterJobStore(long allowanceMillis) {
    this.allowanceMillis = allowanceMillis;
  }

  @Override
  protected long calcFailedIfAfter(SchedulerStateRecord rec) {
    // As Quartz does: wait at least the silent node's interval, or as long as this node itself
    // has gone without checking in (after a pause here, everybody's check-ins look late).
    long sinceOwnCheckIn = System.currentTimeMillis() - lastCheckin;
    return rec.getCheckinTimestamp() + Math.max(rec.getCheckinInterval(), sinceOwnCheckIn)
        + allowanceMillis;
  }
}
