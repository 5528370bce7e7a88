/** Patchbay's concurrency toolkit: countdown timers, shared state, task scheduling, a spinner. */
module dev.patchbay.runtime {
}
