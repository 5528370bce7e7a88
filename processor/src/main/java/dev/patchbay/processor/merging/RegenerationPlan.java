package dev.patchbay.processor.merging;

import com.palantir.javapoet.ClassName;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.IndexModel;
import dev.patchbay.processor.model.OutputState;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.PluginTable;
import dev.patchbay.processor.reading.OutputReader;
import dev.patchbay.processor.writing.RegistryGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What of this compilation's generated code must be written again, decided against the state the
 * last compilation into the same output left: code is regenerated only when what it is written
 * from changed, or its class file is gone. Each decision also records, in the state being built,
 * the digests the next compilation compares with.
 */
public final class RegenerationPlan {
  /** Fingerprint keys of a registry's code and of its metadata text, per extension point. */
  private static final String CODE_PREFIX = "registry-code:";
  private static final String TEXTS_PREFIX = "registry-texts:";
  /** Fingerprint key of the index's source. */
  private static final String INDEX_PREFIX = "index-contents:";

  private final OutputState earlier;
  private final Set<String> compiledNow;
  private final OutputReader output;
  /** The code digest of each table recorded, by extension point binary name. */
  private final Map<String, String> codeDigests = new HashMap<>();

  RegenerationPlan(OutputState earlier, Set<String> compiledNow, OutputReader output) {
    this.earlier = earlier;
    this.compiledNow = compiledNow;
    this.output = output;
  }

  /**
   * What of one table's generated code must be written again.
   *
   * @param any whether anything generated from the table changed (its registry, or its part of
   *     the index)
   * @param registry whether the registry's code must be written again
   * @param registryTexts whether the registry's metadata class must be written again
   */
  public record Regeneration(boolean any, boolean registry, boolean registryTexts) {}

  /**
   * Records one table in the state this compilation leaves, and tells what must be written again.
   * Code is regenerated when what it is written from changed: the list of plugins, the model of a
   * class compiled now (recompiling a plugin whose method body was edited regenerates nothing), or
   * the registry is new here. A registry's code and its metadata text are separate classes, each
   * regenerated only when its own digest changed (or its class file is gone): editing a
   * description rewrites the text alone.
   *
   * @param state the state being built
   * @param table an extension point and its plugins, as this compilation lists them
   * @return what to write again
   */
  public Regeneration record(OutputState.Builder state, PluginTable table) {
    OutputState before = earlier;
    ExtensionPointModel point = table.extensionPoint();
    List<String> names = table.plugins().stream().map(PluginModel::qualifiedName).toList();
    state.plugins(point.qualifiedName(), names);
    state.binaryName(point.qualifiedName(), point.binaryName());
    table.plugins().forEach(p -> state.binaryName(p.qualifiedName(), p.binaryName()));
    table.plugins().forEach(state::pluginModel);
    // changedModel records the extension point's digest, so it runs whatever the list says.
    boolean changed = changedModel(state, point.qualifiedName(), point);
    changed |= !new TreeSet<>(names).equals(before.pluginsOf(point.qualifiedName()));
    for (PluginModel plugin : table.plugins()) {
      changed |= changedModel(state, plugin.qualifiedName(), plugin);
    }
    if (!point.compiledHere()) {
      return new Regeneration(changed, false, false);
    }
    state.registry(point.qualifiedName(), point.registryName().canonicalName());
    changed |= !before.registries().containsKey(point.qualifiedName());
    TableFingerprints digests = TableFingerprints.of(table);
    codeDigests.put(point.binaryName(), digests.code());
    state.fingerprint(CODE_PREFIX + point.qualifiedName(), digests.code());
    state.fingerprint(TEXTS_PREFIX + point.qualifiedName(), digests.texts());
    if (!changed) {
      return new Regeneration(false, false, false);
    }
    ClassName registry = point.registryName();
    boolean codeChanged =
        !digests.code().equals(before.fingerprints().get(CODE_PREFIX + point.qualifiedName()))
            || !generatedClassInOutput(before, registry);
    ClassName textsName = RegistryGenerator.textsName(registry);
    boolean textsChanged = codeChanged
        || !digests.texts().equals(before.fingerprints().get(TEXTS_PREFIX + point.qualifiedName()))
        || !generatedClassInOutput(before, textsName);
    return new Regeneration(true, codeChanged, textsChanged);
  }

  /**
   * A digest of everything the index's source is written from, which its {@code toString}
   * carries so that two jars' different indexes of one name differ in their bytes. For an
   * extension point compiled here the index only delegates to its registry: the registry's code
   * digest (taken by {@link #record}) stands for it, and descriptions are left out as they are
   * there, so editing one does not change the index. A table of another jar's extension point,
   * which the index holds whole, counts whole.
   *
   * @param index the index class and its tables, each recorded first
   * @return the digest; equal digests mean the same index source
   */
  public String indexContents(IndexModel index) {
    StringBuilder text = new StringBuilder(index.className().canonicalName()).append('\n');
    for (PluginTable table : index.tables()) {
      if (table.extensionPoint().compiledHere()) {
        text.append(codeDigests.computeIfAbsent(table.extensionPoint().binaryName(),
            k -> TableFingerprints.of(table).code()));
      } else {
        text.append(table);
      }
      text.append('\n');
    }
    return OutputState.fingerprint(text);
  }

  /**
   * Records the digest of the index's source in the state, and tells whether the index class
   * must be written again: its digest changed, or its class file is gone. A description edited
   * leaves it as it is (see {@link #indexContents}).
   *
   * @param state the state being built
   * @param index the index class
   * @param contents its digest
   * @return true when the index must be generated
   */
  public boolean indexSourceChanged(OutputState.Builder state, ClassName index, String contents) {
    String key = INDEX_PREFIX + index.canonicalName();
    state.fingerprint(key, contents);
    return !contents.equals(earlier.fingerprints().get(key))
        || !generatedClassInOutput(earlier, index);
  }

  /**
   * Whether the index must be written again although no table changed: an extension point was
   * added or dropped, or there was no index here before.
   *
   * @param state the state being built, with every table recorded
   * @return true when the index changed
   */
  public boolean indexChanged(OutputState.Builder state) {
    OutputState before = earlier;
    OutputState now = state.build();
    Set<String> earlierPoints = new TreeSet<>(before.registries().keySet());
    earlierPoints.addAll(before.plugins().keySet());
    Set<String> nowPoints = new TreeSet<>(now.registries().keySet());
    nowPoints.addAll(now.plugins().keySet());
    return !earlierPoints.equals(nowPoints) || before.indexClass().isEmpty();
  }

  /**
   * Records the model's digest, and tells whether the model was compiled now with a digest other
   * than the earlier one (a model not compiled now is read from the class the digest was taken of).
   *
   * @param state the state being built
   * @param name canonical name of the extension point or plugin
   * @param model its model
   * @return true when generated code written from it must be written again
   */
  private boolean changedModel(OutputState.Builder state, String name, Record model) {
    String before = earlier.fingerprints().get(name);
    if (before != null && !compiledNow.contains(name)) {
      state.fingerprint(name, before); // read from the very class file the digest was taken of
      return false;
    }
    String digest = OutputState.fingerprint(model);
    state.fingerprint(name, digest);
    return compiledNow.contains(name) && !digest.equals(before);
  }

  /** Whether the output holds the class file of a class generated here before. */
  private boolean generatedClassInOutput(OutputState before, ClassName name) {
    return earlierGenerated(before, name.canonicalName())
        && output.hasClass(name.packageName(), name.simpleName());
  }

  /** Whether an earlier compilation generated {@code qualifiedName}: an index, registry or its text. */
  static boolean earlierGenerated(OutputState before, String qualifiedName) {
    String texts = RegistryGenerator.TEXTS_SUFFIX;
    return before.generated(qualifiedName) || (qualifiedName.endsWith(texts)
        && before.generated(qualifiedName.substring(0, qualifiedName.length() - texts.length())));
  }
}
