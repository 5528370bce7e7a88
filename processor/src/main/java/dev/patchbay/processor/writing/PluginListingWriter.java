package dev.patchbay.processor.writing;

import dev.patchbay.processor.model.IndexModel;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.PluginTable;
import java.util.List;

/**
 * Writes the plugin listing of a compilation: a text resource that lists what its generated
 * {@code PluginIndex} lists, so a plugin folder can list a jar without defining a class.
 *
 * <p>It is written from the same {@link IndexModel} as the index, whenever the index is, to
 * {@code META-INF/patchbay/plugins/<index binary name>.tsv}: one file per index, so a jar that
 * merges the output of several compilations keeps each listing next to its index.
 *
 * <p>Format version 1, UTF-8, lines ending in {@code \n}, fields separated by tabs:
 * <pre>
 * patchbay-plugin-listing  1
 * point   &lt;extension point binary name&gt;
 * plugin  &lt;name&gt;  &lt;description&gt;  &lt;priority&gt;  &lt;class binary name&gt;  [&lt;alias&gt; ...]
 * </pre>
 * The first line names the format and its version; a reader refuses a version it does not know.
 * Then every extension point the index answers for, sorted by binary name, each followed by its
 * plugins in registry order (priority, then name). A backslash escapes a tab ({@code \t}), a line
 * break ({@code \n}) or a backslash in a field, as in the index's own metadata text.
 */
public final class PluginListingWriter {
  /** The first field of the first line. */
  public static final String FORMAT = "patchbay-plugin-listing";
  /** The format version this processor writes; bump it whenever the lines change meaning. */
  public static final int VERSION = 1;
  /** The folder of the listings in the class output. */
  public static final String FOLDER = "META-INF/patchbay/plugins/";

  private PluginListingWriter() {}

  /**
   * The resource path of the listing of {@code index}.
   *
   * @param index the generated index
   * @return for example {@code META-INF/patchbay/plugins/com.acme.PatchbayIndex.tsv}
   */
  public static String path(IndexModel index) {
    return FOLDER + index.className().reflectionName() + ".tsv";
  }

  /**
   * The listing's text.
   *
   * @param index the index as it is generated
   * @return the whole file
   */
  public static String text(IndexModel index) {
    StringBuilder text = new StringBuilder(FORMAT).append('\t').append(VERSION).append('\n');
    for (PluginTable table : index.tables()) {
      text.append("point\t").append(MetadataWriter.escape(table.extensionPoint().binaryName()))
          .append('\n');
      for (PluginModel plugin : table.plugins()) {
        text.append("plugin\t").append(MetadataWriter.line(plugin));
      }
    }
    return text.toString();
  }
}
