package dev.patchbay.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.PluginInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PluginTablesTest {

  @Test
  void decode_readsFieldsAliasesAndEscapes() {
    List<PluginInfo> plugins = new ArrayList<>();
    PluginTables.decode(plugins, "sqlite\tembedded\\tfast\\nsmall \\\\ ok\t10\tx.Sqlite\tlite\tsqlite3\n"
        + "memory\t\t-2\tx.Memory\n", "x.Backend");

    assertEquals(List.of(
        new PluginInfo("sqlite", List.of("lite", "sqlite3"), "embedded\tfast\nsmall \\ ok", 10,
            "x.Sqlite", "x.Backend"),
        new PluginInfo("memory", List.of(), "", -2, "x.Memory", "x.Backend")), plugins);
  }

  @Test
  void primaryNamesAreSorted_allNamesAddAliases() {
    List<PluginInfo> plugins = List.of(
        new PluginInfo("sqlite", List.of("lite"), "", 10, "x.Sqlite", "x.Backend"),
        new PluginInfo("memory", List.of(), "", 0, "x.Memory", "x.Backend"));

    assertEquals(List.of("memory", "sqlite"), List.copyOf(PluginTables.primaryNames(plugins)));
    assertEquals(java.util.Set.of("memory", "sqlite", "lite"), PluginTables.allNames(plugins));
  }

  @Test
  void decode_shortLine_namesTheLineAndTheLikelyCause() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PluginTables.decode(new ArrayList<>(), "sqlite\tdescription\n", "x.Backend"));
    assertTrue(e.getMessage().contains("sqlite\tdescription"), e::getMessage);
    assertTrue(e.getMessage().contains("another version"), e::getMessage);
  }
}
