package dev.patchbay.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.PluginInfo;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the plugin metadata text that generated code carries: any field text survives the
 * documented encoding (tab-separated fields, one line per plugin, a backslash escaping a tab, a
 * line break or a backslash), and a line without the four fixed fields is refused.
 *
 * <p>The encoder below is written from {@link PluginTables#decode}'s documentation, not taken
 * from the processor, so these properties pin the format itself.
 */
final class PluginTablesPropertiesTest {

  private static final String EXTENSION_POINT = "com.example.Codec";

  @Property(tries = 500)
  void decode_readsBackAnyEncodedPlugins(@ForAll("plugins") List<PluginInfo> plugins) {
    List<PluginInfo> decoded = new ArrayList<>();
    PluginTables.decode(decoded, encode(plugins), EXTENSION_POINT);
    assertEquals(plugins, decoded);
  }

  @Property(tries = 200)
  void decode_refusesALineWithFewerThanFourFields(
      @ForAll("fieldText") String first, @ForAll("fieldText") String second) {
    String line = escape(first) + "\t" + escape(second) + "\t7\n";
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> PluginTables.decode(new ArrayList<>(), line, EXTENSION_POINT));
    assertTrue(error.getMessage().contains("has 3 fields, at least 4 expected"), error.getMessage());
  }

  @Provide
  Arbitrary<List<PluginInfo>> plugins() {
    Arbitrary<PluginInfo> plugin =
        Combinators.combine(
                fieldText(),
                fieldText().list().ofMaxSize(3),
                fieldText(),
                Arbitraries.integers(),
                fieldText())
            .as((name, aliases, description, priority, implementation) ->
                new PluginInfo(name, aliases, description, priority, implementation, EXTENSION_POINT));
    return plugin.list().ofMaxSize(5);
  }

  /** Text with what the format must escape, what it must leave alone, and surrogate pairs. */
  @Provide
  Arbitrary<String> fieldText() {
    Arbitrary<String> tricky =
        Arbitraries.of("\t", "\n", "\\", "\\t", "\\n", "\\\\", "\r", "\u00e9", "\uD83D\uDE00", "\uD834\uDD1E", " ");
    Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(4);
    return Arbitraries.oneOf(tricky, any).list().ofMaxSize(6).map(pieces -> String.join("", pieces));
  }

  /** The format as documented on {@link PluginTables#decode}. */
  private static String encode(List<PluginInfo> plugins) {
    StringBuilder text = new StringBuilder();
    for (PluginInfo plugin : plugins) {
      text.append(escape(plugin.name())).append('\t')
          .append(escape(plugin.description())).append('\t')
          .append(plugin.priority()).append('\t')
          .append(escape(plugin.implementation()));
      for (String alias : plugin.aliases()) {
        text.append('\t').append(escape(alias));
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String escape(String field) {
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }
}
