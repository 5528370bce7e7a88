package com.example.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registries;
import dev.patchbay.UnknownPluginException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the README promises a user who follows its set-up. */
final class QuickstartTest {

  @Test
  void generatedRegistry_listsNamesAndCreatesByNameOrAlias() {
    assertEquals(List.of("postgres", "sqlite"), List.copyOf(DatabaseBackendRegistry.names()));
    assertInstanceOf(SqliteBackend.class, DatabaseBackendRegistry.create("sqlite3"));
    assertNotSame(DatabaseBackendRegistry.create("sqlite"), DatabaseBackendRegistry.create("sqlite"));
    assertTrue(DatabaseBackendRegistry.find("mysql").isEmpty());
  }

  @Test
  void plugins_comeByPriorityThenName() {
    List<String> order = DatabaseBackendRegistry.plugins().stream().map(PluginInfo::name).toList();
    assertEquals(List.of("sqlite", "postgres"), order);
    assertEquals("embedded, zero set-up", DatabaseBackendRegistry.plugins().get(0).description());
  }

  @Test
  void unknownName_suggestsTheNearest() {
    UnknownPluginException e =
        assertThrows(UnknownPluginException.class, () -> DatabaseBackendRegistry.create("sqlit"));
    assertEquals("sqlite", e.suggestion().orElseThrow());
  }

  @Test
  void serviceLoaderAndRegistriesOf_seeTheSamePlugins() {
    Set<String> viaServiceLoader = ServiceLoader.load(DatabaseBackend.class).stream()
        .map(provider -> provider.type().getSimpleName())
        .collect(Collectors.toSet());
    assertEquals(Set.of("SqliteBackend", "PostgresBackend"), viaServiceLoader);
    assertEquals(DatabaseBackendRegistry.names(), Registries.of(DatabaseBackend.class).names());
  }
}
