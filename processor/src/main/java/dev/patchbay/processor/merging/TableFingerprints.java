package dev.patchbay.processor.merging;

import dev.patchbay.processor.model.OutputState;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.PluginTable;
import java.util.TreeSet;

/**
 * Digests of what a registry's two generated classes are written from, kept in the state so the
 * next compilation regenerates only the class whose input changed.
 *
 * @param code digest of what the registry's code is written from: the extension point and, in
 *     order, each plugin without its description (which lives in the metadata class only)
 * @param texts digest of what its metadata class is written from: names, descriptions,
 *     priorities, classes and aliases, in order
 */
record TableFingerprints(String code, String texts) {

  /**
   * Digests one table. Built from the models' fields rather than from the records' text, which
   * for thousands of plugins was a noticeable part of a recompile.
   *
   * @param table an extension point and its plugins
   * @return the digests
   */
  static TableFingerprints of(PluginTable table) {
    StringBuilder code = new StringBuilder(table.plugins().size() * 48);
    StringBuilder texts = new StringBuilder(table.plugins().size() * 64);
    code.append(OutputState.fingerprint(table.extensionPoint())).append('\n');
    for (PluginModel p : table.plugins()) {
      // Every string with its length in front, so no two different models read the same.
      field(field(code, p.binaryName()), p.name()).append(p.generic()).append(' ')
          .append(p.priority()).append(' ').append(p.hasProvider()).append(' ')
          .append(p.hasPublicNoArgConstructor());
      p.aliases().forEach(alias -> field(code.append(" a"), alias));
      new TreeSet<>(p.genericConstructors()).forEach(c -> field(code.append(" c"), c));
      code.append('\n');
      field(field(field(texts, p.binaryName()), p.name()), p.description()).append(p.priority());
      p.aliases().forEach(alias -> field(texts.append(" a"), alias));
      texts.append('\n');
    }
    return new TableFingerprints(OutputState.fingerprint(code), OutputState.fingerprint(texts));
  }

  private static StringBuilder field(StringBuilder out, String value) {
    return out.append(value.length()).append(':').append(value).append(' ');
  }
}
