/** The Patchbay annotation processor: shape checks for plugin classes and generated registries. */
module dev.patchbay.processor {
  requires java.compiler;
  // javac's tree API, only to point at one of several repeated rule annotations; optional.
  requires static jdk.compiler;
  requires dev.patchbay;
  requires com.palantir.javapoet;
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with dev.patchbay.processor.PatchbayProcessor;
}
