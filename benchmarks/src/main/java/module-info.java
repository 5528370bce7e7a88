/**
 * Benchmarks comparing Patchbay with the alternatives a user would pick.
 *
 * <p>Run through {@code benchmarks/run.sh}; the harness generates its inputs, compiles them in
 * fresh javac processes, measures in fresh JVMs and JMH forks, and writes docs/benchmarks.md.
 */
// JMH ships no module descriptor, so it is required as an automatic module; nothing else is.
@SuppressWarnings("requires-automatic")
module dev.patchbay.benchmarks {
  requires dev.patchbay;
  requires dev.patchbay.runtime;
  requires jmh.core;
  requires java.desktop;
  requires java.net.http;
  requires jdk.httpserver;
}
