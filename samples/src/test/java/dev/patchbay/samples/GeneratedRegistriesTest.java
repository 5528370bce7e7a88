package dev.patchbay.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registries;
import dev.patchbay.UnknownPluginException;
import dev.patchbay.samples.backends.DatabaseBackend;
import dev.patchbay.samples.backends.DatabaseBackendRegistry;
import dev.patchbay.samples.backends.MysqlBackend;
import dev.patchbay.samples.backends.PostgresBackend;
import dev.patchbay.samples.backends.SqliteBackend;
import dev.patchbay.samples.export.CsvExporter;
import dev.patchbay.samples.export.DataExporter;
import dev.patchbay.samples.export.DataExporterRegistry;
import dev.patchbay.samples.notify.EmailNotifier;
import dev.patchbay.samples.notify.NotificationService;
import dev.patchbay.samples.notify.NotificationServiceRegistry;
import dev.patchbay.samples.pay.PaymentGatewayRegistry;
import dev.patchbay.samples.pay.WalletGateway;
import dev.patchbay.samples.store.FileStorage;
import dev.patchbay.samples.store.StorageEngineRegistry;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registries the processor generated for this module, exercised as a user would: the
 * black-box test of the processor's output.
 */
final class GeneratedRegistriesTest {

  @Test
  void names_arePrimaryNamesSorted() {
    assertEquals(List.of("mysql", "postgres", "sqlite"),
        List.copyOf(DatabaseBackendRegistry.names()));
    assertEquals(List.of("csv", "json"), List.copyOf(DataExporterRegistry.names()));
    assertEquals(List.of("console", "email", "sms"),
        List.copyOf(NotificationServiceRegistry.names()));
    assertEquals(List.of("card", "wallet"), List.copyOf(PaymentGatewayRegistry.names()));
    assertEquals(List.of("file", "memory"), List.copyOf(StorageEngineRegistry.names()));
  }

  @Test
  void plugins_comeByPriorityThenName_withTheirMetadata() {
    List<PluginInfo> plugins = DatabaseBackendRegistry.plugins();

    assertEquals(List.of("sqlite", "mysql", "postgres"),
        plugins.stream().map(PluginInfo::name).toList());
    PluginInfo postgres = plugins.get(2);
    assertEquals(List.of("postgresql", "pg"), postgres.aliases());
    assertEquals(5, postgres.priority());
    assertEquals(PostgresBackend.class.getName(), postgres.implementation());
    assertEquals(DatabaseBackend.class.getName(), postgres.extensionPoint());
    assertTrue(postgres.description().contains("PATCHBAY_PG_URL"));
  }

  @Test
  void aliases_resolveToTheSamePlugin_andEveryCreateIsANewInstance() {
    assertInstanceOf(MysqlBackend.class, DatabaseBackendRegistry.create("mariadb"));
    assertInstanceOf(PostgresBackend.class, DatabaseBackendRegistry.create("pg"));
    assertInstanceOf(EmailNotifier.class, NotificationServiceRegistry.create("mail"));
    assertInstanceOf(WalletGateway.class, PaymentGatewayRegistry.create("e-wallet"));
    assertInstanceOf(FileStorage.class, StorageEngineRegistry.create("json"));
    assertNotSame(DatabaseBackendRegistry.create("sqlite"), DatabaseBackendRegistry.create("sqlite"));
    assertTrue(DatabaseBackendRegistry.contains("postgresql"));
  }

  @Test
  void unknownName_findIsEmpty_createSuggestsTheNearest() {
    assertEquals(Optional.empty(), DatabaseBackendRegistry.find("oracle"));

    UnknownPluginException error = assertThrows(UnknownPluginException.class,
        () -> DatabaseBackendRegistry.create("postgress"));

    assertEquals(Optional.of("postgres"), error.suggestion());
    assertTrue(error.getMessage().contains("did you mean 'postgres'?"), error::getMessage);
    assertTrue(error.getMessage().contains(DatabaseBackend.class.getName()), error::getMessage);
    assertTrue(error.knownNames().containsAll(List.of("mariadb", "pg", "sqlite3")),
        error.knownNames()::toString);
  }

  @Test
  void createAll_followsThePluginOrder_forAnAbstractClassExtensionPoint() {
    List<DataExporter> exporters = DataExporterRegistry.createAll();

    assertEquals(2, exporters.size());
    assertInstanceOf(CsvExporter.class, exporters.get(0));
  }

  @Test
  void registriesOf_mergesTheGeneratedIndex() {
    assertEquals(DatabaseBackendRegistry.names(), Registries.of(DatabaseBackend.class).names());
    assertInstanceOf(SqliteBackend.class, Registries.of(DatabaseBackend.class).create("sqlite3"));
    assertEquals(DatabaseBackendRegistry.plugins(), DatabaseBackendRegistry.registry().plugins());
  }

  @Test
  void plainServiceLoader_findsThePlugins() {
    Set<String> found = ServiceLoader.load(NotificationService.class).stream()
        .map(provider -> provider.type().getSimpleName())
        .collect(Collectors.toSet());

    assertEquals(Set.of("ConsoleNotifier", "EmailNotifier", "SmsNotifier"), found);
  }
}
