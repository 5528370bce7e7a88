/**
 * Benchmarks comparing Patchbay with the alternatives a user would pick.
 *
 * <p>Run through {@code benchmarks/run.sh}; the harness generates its inputs, compiles them in
 * fresh javac processes, measures in fresh JVMs and JMH forks, and writes docs/benchmarks.md.
 */
module dev.patchbay.benchmarks {
  requires dev.patchbay;
  requires dev.patchbay.runtime;
  requires jmh.core;
  requires java.desktop;
  requires java.net.http;
  requires jdk.httpserver;
}
