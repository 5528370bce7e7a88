/** Runnable samples: every scenario of the teaching notebooks as a subcommand. */
module dev.patchbay.samples {
  requires dev.patchbay;
  requires dev.patchbay.runtime;
  requires info.picocli;
}
