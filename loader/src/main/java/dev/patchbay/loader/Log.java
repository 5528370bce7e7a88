package dev.patchbay.loader;

/** The module's logger, created on first use: most runs never log, and a cold lookup is slow. */
final class Log {
  static final System.Logger LOG = System.getLogger(PluginDirectory.class.getName());

  private Log() {}
}
