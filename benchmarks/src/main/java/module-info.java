/**
 * Benchmarks comparing Patchbay with the alternatives a user would pick.
 *
 * <p>Run through {@code benchmarks/run.sh}; the harness generates its inputs, compiles them in
 * fresh javac processes, measures in fresh JVMs and JMH forks, and writes docs/benchmarks.md.
 */
// JMH and PF4J ship no module descriptor, so they are required as automatic modules.
@SuppressWarnings("requires-automatic")
module dev.patchbay.benchmarks {
  requires dev.patchbay;
  requires dev.patchbay.runtime;
  requires dev.patchbay.loader;
  requires java.compiler;
  requires java.management;
  // PF4J ships no module descriptor; only the plugin-folder probe uses it, on the class path.
  requires static pf4j;
  requires dev.patchbay.cluster;
  requires com.zaxxer.hikari;
  requires jmh.core;
  requires java.desktop;
  requires java.net.http;
  requires jdk.httpserver;

  // The cluster benchmark's tasks, picked by name in node JVMs.
  provides dev.patchbay.cluster.ClusterTask with
      dev.patchbay.benchmarks.cluster.BenchTasks.LongTask,
      dev.patchbay.benchmarks.cluster.BenchTasks.RecordTask;
  provides dev.patchbay.spi.PluginIndex with
      dev.patchbay.benchmarks.cluster.PatchbayIndex;
}
