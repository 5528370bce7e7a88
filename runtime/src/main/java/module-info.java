/** Patchbay's concurrency toolkit: countdown timers, shared state, task scheduling, a spinner. */
module dev.patchbay.runtime {
  exports dev.patchbay.runtime.timer;
  exports dev.patchbay.runtime.state;
  exports dev.patchbay.runtime.tasks;
  exports dev.patchbay.runtime.console;
}
