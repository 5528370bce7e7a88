/** Benchmarks comparing Patchbay with the alternatives a user would pick. */
module dev.patchbay.benchmarks {
  requires dev.patchbay;
  requires dev.patchbay.runtime;
}
