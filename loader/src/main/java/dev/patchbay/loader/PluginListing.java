package dev.patchbay.loader;

import dev.patchbay.PluginInfo;
import dev.patchbay.spi.PluginTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the plugin listing the Patchbay processor writes beside each generated index,
 * {@code META-INF/patchbay/plugins/<index binary name>.tsv}: what the index lists, as text, so a
 * jar is listed without creating its class loader or defining a class.
 *
 * <p>Format version 1 (UTF-8, tab-separated fields, one record a line):
 * <pre>
 * patchbay-plugin-listing  1
 * point   &lt;extension point binary name&gt;
 * plugin  &lt;name&gt;  &lt;description&gt;  &lt;priority&gt;  &lt;class binary name&gt;  [&lt;alias&gt; ...]
 * </pre>
 * Plugin lines belong to the point line above them; fields escape a tab, line break or backslash
 * with a backslash. Any other first line, another version, or a line of another kind is refused:
 * the jar then gets a problem rather than a guess.
 */
final class PluginListing {
  /** The folder of the listings inside a jar. */
  static final String FOLDER = "META-INF/patchbay/plugins/";
  /** The first field of the header line. */
  static final String FORMAT = "patchbay-plugin-listing";
  /** The one format version this loader reads. */
  static final int VERSION = 1;

  private static final String POINT = "point\t";
  private static final String PLUGIN = "plugin\t";

  private PluginListing() {}

  /** The entry that lists the plugins of the index class {@code indexClass}. */
  static String entryName(String indexClass) {
    // String.concat, not "+": listing runs cold, and the first "+" of a JVM costs more than
    // reading a jar (it bootstraps the invokedynamic string concatenation).
    return FOLDER.concat(indexClass).concat(".tsv");
  }

  /**
   * Parses a listing.
   *
   * @param text the whole resource
   * @return the plugins per extension point binary name, points sorted, plugins in listed order;
   *     unmodifiable
   * @throws IllegalArgumentException saying what is wrong, to follow "the listing X in Y "
   */
  static Map<String, List<PluginInfo>> parse(String text) {
    // One pass over the text where it stands: lines are found with indexOf and plugin lines
    // decoded in place, since a folder's listings are parsed once, by code not yet compiled.
    int headerEnd = lineEnd(text, 0);
    if (headerEnd == 0) {
      throw new IllegalArgumentException("is empty; it should start with the line '" + FORMAT
          + "<tab>" + VERSION + "'");
    }
    String header = text.substring(0, headerEnd);
    int tab = header.indexOf('\t');
    if (tab < 0 || !header.substring(0, tab).equals(FORMAT)) {
      throw new IllegalArgumentException("does not start with the header '" + FORMAT + "<tab>"
          + "<version>' but with '" + shorten(header) + "'");
    }
    int version;
    try {
      version = Integer.parseInt(header.substring(tab + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("has the version '" + shorten(header.substring(tab + 1))
          + "' in its header, which is not a number");
    }
    if (version != VERSION) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "is in format version %d,"
          + " but this Patchbay loader reads version %d only: the jar was built by another"
          + " Patchbay version", version, VERSION));
    }
    Map<String, List<PluginInfo>> byPoint = new TreeMap<>();
    String point = null;
    List<PluginInfo> plugins = null;
    int line = 1;
    for (int start = headerEnd + 1, end; start < text.length(); start = end + 1) {
      end = lineEnd(text, start);
      line++;
      try {
        if (text.startsWith(PLUGIN, start)) {
          if (point == null) {
            throw new IllegalArgumentException("a plugin comes before any extension point");
          }
          plugins.add(PluginTables.decodeLine(text, start + PLUGIN.length(), end, point));
        } else if (text.startsWith(POINT, start)) {
          point = text.substring(start + POINT.length(), end);
          if (!JarReader.binaryName(point)) {
            throw new IllegalArgumentException("'" + shorten(point) + "' is not a class name");
          }
          plugins = new ArrayList<>();
          if (byPoint.putIfAbsent(point, plugins) != null) {
            throw new IllegalArgumentException("the extension point " + point + " is listed twice");
          }
        } else {
          throw new IllegalArgumentException("a line starts neither with 'point' nor with"
              + " 'plugin'");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "is malformed at line %d"
            + " ('%s'): %s", line, shorten(text.substring(start, end)), e.getMessage()), e);
      }
    }
    if (byPoint.size() == 1) {
      // The usual listing: one extension point, kept without a sorted map around it.
      return Map.of(point, List.copyOf(plugins));
    }
    for (Map.Entry<String, List<PluginInfo>> entry : byPoint.entrySet()) {
      entry.setValue(List.copyOf(entry.getValue()));
    }
    return Collections.unmodifiableMap(byPoint);
  }

  /** The index of the line break ending the line that starts at {@code start}, or the length. */
  private static int lineEnd(String text, int start) {
    int end = text.indexOf('\n', start);
    return end < 0 ? text.length() : end;
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
