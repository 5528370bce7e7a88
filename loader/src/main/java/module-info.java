/**
 * Plugin jars from a folder: each jar gets its own class loader, its plugins are listed from its
 * generated Patchbay index without loading a plugin class, and jars are reloaded and unloaded at
 * run time.
 */
module dev.patchbay.loader {
  requires transitive dev.patchbay;

  exports dev.patchbay.loader;

  uses dev.patchbay.spi.PluginIndex;
}
