/**
 * Patchbay's annotations and the registry API that generated code implements.
 *
 * <p>This is the only Patchbay jar a program needs at run time. Generated per-module indexes are
 * found through {@link java.util.ServiceLoader} as {@link dev.patchbay.spi.PluginIndex} services.
 */
// The qualified export names a module this one never reads; javac would warn that it is not
// found when compiling this module alone.
@SuppressWarnings("module")
module dev.patchbay {
  exports dev.patchbay;
  exports dev.patchbay.spi;
  // "Did you mean": one implementation, shared with the annotation processor only.
  exports dev.patchbay.internal to dev.patchbay.processor;

  uses dev.patchbay.spi.PluginIndex;

  // Only for dev.patchbay.internal.MissingProcessorCheck, which javac alone loads: nothing of
  // java.compiler is needed at run time.
  requires static java.compiler;
}
