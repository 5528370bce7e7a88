/**
 * Named plugin tasks on a Quartz cluster: tasks are {@code @Plugin}s of
 * {@link dev.patchbay.cluster.ClusterTask}, scheduled by name on any node that shares the database,
 * each firing run once, and a dead node's running work picked up by another node.
 */
// Quartz ships no module descriptor; it is required under its Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module dev.patchbay.cluster {
  requires transitive dev.patchbay;
  requires transitive java.sql;
  requires org.quartz;

  exports dev.patchbay.cluster;

  // The generated index names the ClusterTask extension point, so Registries.of knows it even
  // before any jar with tasks joins.
  provides dev.patchbay.spi.PluginIndex with
      dev.patchbay.cluster.PatchbayIndex;
}
