/**
 * Runnable samples: every scenario of the teaching notebooks as a subcommand of one CLI.
 *
 * <p>Picocli and Jackson read the command and data classes reflectively, so each package that
 * holds them is opened to those modules.
 */
module dev.patchbay.samples {
  requires dev.patchbay;
  requires dev.patchbay.runtime;
  requires info.picocli;
  requires java.compiler;
  requires java.management;
  requires java.net.http;
  requires java.sql;
  requires jakarta.mail;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.csv;
  requires jdk.httpserver;
  requires org.jsoup;

  opens dev.patchbay.samples to info.picocli;
  opens dev.patchbay.samples.backends to info.picocli;
  opens dev.patchbay.samples.export to info.picocli;
  opens dev.patchbay.samples.notify to info.picocli;
  opens dev.patchbay.samples.pay to info.picocli;
  opens dev.patchbay.samples.store to info.picocli;

  // The benchmarks reuse the offline quotes server; picocli reflects on the command classes.
  exports dev.patchbay.samples.scrape;
  opens dev.patchbay.samples.scrape to info.picocli;
  opens dev.patchbay.samples.spinner to info.picocli;
  opens dev.patchbay.samples.threads to info.picocli;
  opens dev.patchbay.samples.timer to info.picocli;
}
