/**
 * Runnable samples: plugin and concurrency scenarios as subcommands of one CLI.
 *
 * <p>Picocli and Jackson read the command and data classes reflectively, so each package that
 * holds them is opened to those modules.
 */
module dev.patchbay.samples {
  requires dev.patchbay;
  requires dev.patchbay.runtime;
  requires dev.patchbay.loader;
  requires dev.patchbay.cluster;
  requires com.zaxxer.hikari;
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
  opens dev.patchbay.samples.cluster to info.picocli;
  opens dev.patchbay.samples.contracts to info.picocli;
  opens dev.patchbay.samples.export to info.picocli;
  opens dev.patchbay.samples.notify to info.picocli;
  opens dev.patchbay.samples.pay to info.picocli;
  opens dev.patchbay.samples.plugins to info.picocli;
  opens dev.patchbay.samples.store to info.picocli;

  // The benchmarks reuse the offline quotes server; picocli reflects on the command classes.
  exports dev.patchbay.samples.scrape;
  opens dev.patchbay.samples.scrape to info.picocli;
  opens dev.patchbay.samples.spinner to info.picocli;
  opens dev.patchbay.samples.threads to info.picocli;
  opens dev.patchbay.samples.timer to info.picocli;

  // Plain ServiceLoader.load(X.class) finds the plugins too; the processor checks these lines
  // against the @Plugin classes and says what is missing.
  uses dev.patchbay.samples.backends.DatabaseBackend;
  uses dev.patchbay.cluster.ClusterTask;
  uses dev.patchbay.samples.export.DataExporter;
  uses dev.patchbay.samples.notify.NotificationService;
  uses dev.patchbay.samples.pay.PaymentGateway;
  uses dev.patchbay.samples.plugins.Greeter;
  uses dev.patchbay.samples.store.StorageEngine;

  provides dev.patchbay.cluster.ClusterTask with
      dev.patchbay.samples.cluster.SampleTasks.LongJob,
      dev.patchbay.samples.cluster.SampleTasks.Tick;
  provides dev.patchbay.samples.backends.DatabaseBackend with
      dev.patchbay.samples.backends.MysqlBackend,
      dev.patchbay.samples.backends.PostgresBackend,
      dev.patchbay.samples.backends.SqliteBackend;
  provides dev.patchbay.samples.export.DataExporter with
      dev.patchbay.samples.export.CsvExporter,
      dev.patchbay.samples.export.JsonExporter;
  provides dev.patchbay.samples.notify.NotificationService with
      dev.patchbay.samples.notify.ConsoleNotifier,
      dev.patchbay.samples.notify.EmailNotifier,
      dev.patchbay.samples.notify.SmsNotifier;
  provides dev.patchbay.samples.pay.PaymentGateway with
      dev.patchbay.samples.pay.CardGateway,
      dev.patchbay.samples.pay.WalletGateway;
  provides dev.patchbay.samples.store.StorageEngine with
      dev.patchbay.samples.store.FileStorage,
      dev.patchbay.samples.store.MemoryStorage;
  // The generated per-module index, through which Registries.of finds this module's plugins.
  provides dev.patchbay.spi.PluginIndex with
      dev.patchbay.samples.backends.PatchbayIndex;
}
