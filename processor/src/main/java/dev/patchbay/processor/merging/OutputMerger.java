package dev.patchbay.processor.merging;

import com.palantir.javapoet.ClassName;
import dev.patchbay.processor.base.ProcessingContext;
import dev.patchbay.processor.base.TypeNames;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.OutputState;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.reading.AnnotationMirrors;
import dev.patchbay.processor.reading.Declarations;
import dev.patchbay.processor.reading.ExtensionPointReader;
import dev.patchbay.processor.reading.PluginReader;
import dev.patchbay.processor.reading.OutputReader;
import dev.patchbay.processor.validation.ValidationReport;
import dev.patchbay.processor.writing.IndexGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Merges what this compilation generates with what the last compilation into the same class
 * output generated, so that registries, index and service files list exactly the plugins whose
 * classes exist and carry {@code @Plugin}, whatever subset of sources the compiler was handed.
 *
 * <p>An IDE or an incremental build recompiles a few sources with the earlier output on the class
 * path. The earlier {@link OutputState} is read back once; its plugins stay listed while their
 * classes exist, carry {@code @Plugin}, still join the extension point and are not compiled now;
 * what is compiled now replaces them. Everything is kept as qualified names and looked up again
 * when needed, since elements of one round are not guaranteed to be valid in the next.
 */
public final class OutputMerger {
  private final ProcessingContext context;
  private final OutputReader output;
  /** Every type of the sources compiled now (all rounds), whatever its annotations. */
  private final Set<String> compiledNow = new HashSet<>();
  /** The top-level types among them. */
  private final Set<String> compiledNowTopLevel = new HashSet<>();
  /** What the last compilation into this output generated; read on first use. */
  private OutputState earlier;
  /** The text {@link #earlier} was read from, empty when there was none. */
  private Optional<String> earlierText;

  /**
   * Creates the merger of one processor instance.
   *
   * @param context the processor's shared context
   */
  public OutputMerger(ProcessingContext context) {
    this.context = context;
    this.output = new OutputReader(context.filer());
  }

  /**
   * Records a root element of a round, and the types nested in it, as compiled now.
   *
   * @param root a root element
   */
  public void recordCompiled(Element root) {
    if (root instanceof TypeElement type) {
      compiledNowTopLevel.add(type.getQualifiedName().toString());
    }
    collectTypes(root);
  }

  /**
   * Whether a class is compiled in this compilation.
   *
   * @param qualifiedName its canonical name
   * @return true when one of this compilation's sources declares it
   */
  public boolean compiledNow(String qualifiedName) {
    return compiledNow.contains(qualifiedName);
  }

  /**
   * The state the last compilation into this output left, read once.
   *
   * @return the state, {@link OutputState#EMPTY} when there is none
   */
  public OutputState earlier() {
    if (earlier == null) {
      earlierText = output.stateText();
      earlier = earlierText.map(OutputState::parse).orElse(OutputState.EMPTY);
    }
    return earlier;
  }

  /**
   * The text {@link #earlier} was read from: a compilation that changes nothing writes it back as
   * it is instead of writing the state out again field by field.
   *
   * @return the text, empty when there was no earlier state
   */
  public Optional<String> earlierText() {
    earlier();
    return earlierText;
  }

  /**
   * Whether an earlier compilation generated an index into this output. Then every compilation
   * into it looks again, even one without Patchbay annotations: a recompiled class may have lost
   * its {@code @Plugin}, and a deleted plugin is only noticed by looking for it.
   *
   * @return true when there is earlier output to merge with
   */
  public boolean hasEarlierOutput() {
    return earlier().indexClass().isPresent();
  }

  /**
   * Adds the extension points whose registry an earlier compilation generated here and that are
   * not compiled now: their registries stay ours, and keep their plugins. One that was deleted,
   * or no longer carries {@code @ExtensionPoint}, is no longer listed.
   *
   * @param reader the extension point reader of this compilation
   * @param points the valid extension points of ours, by canonical name; receives the kept ones
   * @param claimedRegistries registry name to extension point; receives the kept registries
   * @param origins the elements generated files derive from; receives the kept extension points
   */
  public void keepEarlierExtensionPoints(ExtensionPointReader reader, Map<String, ExtensionPointModel> points,
      Map<String, String> claimedRegistries, List<Element> origins) {
    for (Map.Entry<String, String> registry : earlier().registries().entrySet()) {
      String name = registry.getKey();
      if (compiledNow.contains(name) || points.containsKey(name)) {
        continue; // compiled now: judged by the step (or no longer an extension point)
      }
      TypeElement type = context.elements().getTypeElement(name);
      if (type == null || !AnnotationMirrors.isExtensionPoint(type)) {
        continue; // deleted, or no longer an extension point: its registry is no longer listed
      }
      ExtensionPointModel point = reader.extensionPoint(type, true);
      if (point.registryName().canonicalName().equals(registry.getValue())) {
        points.put(name, point);
        claimedRegistries.put(registry.getValue(), name);
        origins.add(type);
      }
    }
  }

  /**
   * Whether this compilation leaves everything the last one generated here as it is, found without
   * loading the classes that are not compiled now: every class compiled now was listed before and
   * reads into the same model, joining the same extension points, and every other class listed
   * still has its class file in the output. A class file that was not recompiled still carries
   * what it carried; a compiled class that was not listed (a supertype of plugins, say) takes the
   * full path, which loads every listed class.
   *
   * @param extensionPoints canonical names of the extension points annotated in this compilation
   * @param plugins canonical names of the plugins annotated in this compilation
   * @param points the valid extension points of ours, by canonical name
   * @param byPoint the valid plugins of this compilation, by the extension points they join
   * @return true when nothing needs to be generated again
   */
  public boolean nothingChanged(Set<String> extensionPoints, Set<String> plugins,
      Map<String, ExtensionPointModel> points, Map<String, List<PluginModel>> byPoint) {
    OutputState before = earlier();
    if (before.indexClass().isEmpty()) {
      return false;
    }
    for (String name : compiledNowTopLevel) {
      if (!before.fingerprints().containsKey(name)) {
        return false;
      }
    }
    for (String name : compiledNow) {
      boolean listedPlugin = before.plugins().values().stream().anyMatch(s -> s.contains(name));
      if ((listedPlugin && !plugins.contains(name))
          || (before.registries().containsKey(name) && !extensionPoints.contains(name))) {
        return false; // lost its annotation
      }
    }
    for (String name : extensionPoints) {
      ExtensionPointModel model = points.get(name);
      if (model == null || !before.registries().containsKey(name)
          || !OutputState.fingerprint(model).equals(before.fingerprints().get(name))) {
        return false;
      }
    }
    Map<String, Set<String>> joined = new HashMap<>();
    Map<String, PluginModel> models = new HashMap<>();
    byPoint.forEach((point, list) -> list.forEach(plugin -> {
      joined.computeIfAbsent(plugin.qualifiedName(), k -> new HashSet<>()).add(point);
      models.put(plugin.qualifiedName(), plugin);
    }));
    for (String name : plugins) {
      PluginModel model = models.get(name);
      if (model == null || !OutputState.fingerprint(model).equals(before.fingerprints().get(name))) {
        return false;
      }
      for (String point : joined.get(name)) {
        if (!before.pluginsOf(point).contains(name)) {
          return false;
        }
      }
    }
    for (Map.Entry<String, Set<String>> listed : before.plugins().entrySet()) {
      for (String name : listed.getValue()) {
        if (compiledNow.contains(name)) {
          if (!joined.getOrDefault(name, Set.of()).contains(listed.getKey())) {
            return false;
          }
        } else if (!classInOutput(before, name)) {
          return false;
        }
      }
    }
    for (String point : before.registries().keySet()) {
      if (!compiledNow.contains(point) && !classInOutput(before, point)) {
        return false;
      }
    }
    return true;
  }

  private boolean classInOutput(OutputState before, String qualifiedName) {
    String binary = before.binaryNames().get(qualifiedName);
    return binary != null && output.hasClass(binary);
  }

  /**
   * Adds the plugins an earlier compilation listed that still hold to {@code byPoint}: the class
   * is not compiled now, exists, carries {@code @Plugin} and still joins the extension point.
   *
   * @param pluginReader the plugin reader of this compilation
   * @param pointReader the extension point reader of this compilation
   * @param extensionPoints canonical names of the extension points annotated in this compilation
   * @param plugins canonical names of the plugins annotated in this compilation
   * @param points the valid extension points of ours, by canonical name
   * @param foreignPoints extension points of other jars with plugins here; receives those that
   *     only kept plugins join
   * @param byPoint the plugins by the extension points they join; receives the kept plugins
   * @return canonical names of the plugins kept this way
   */
  public Set<String> keepEarlierPlugins(PluginReader pluginReader,
      ExtensionPointReader pointReader, Set<String> extensionPoints, Set<String> plugins, Map<String, ExtensionPointModel> points,
      Map<String, ExtensionPointModel> foreignPoints, Map<String, List<PluginModel>> byPoint) {
    OutputState before = earlier();
    Set<String> kept = new TreeSet<>();
    Map<String, PluginModel> models = new HashMap<>();
    for (Map.Entry<String, Set<String>> listed : before.plugins().entrySet()) {
      String pointName = listed.getKey();
      boolean ours = points.containsKey(pointName);
      if (!ours && (extensionPoints.contains(pointName) || before.registries().containsKey(pointName))) {
        continue; // an extension point of ours that is broken or gone: no registry lists anything
      }
      for (String name : listed.getValue()) {
        if (compiledNow.contains(name) || plugins.contains(name)) {
          continue; // compiled now: this compilation decided about it
        }
        // A class file that was not recompiled still carries what it carried (as in
        // nothingChanged): its model comes from the state, without loading the class.
        PluginModel stored = before.pluginModel(name).orElse(null);
        if (stored != null && (ours || foreignPoints.containsKey(pointName))
            && classInOutput(before, name)) {
          byPoint.computeIfAbsent(pointName, k -> new ArrayList<>())
              .add(models.computeIfAbsent(name, n -> stored));
          kept.add(name);
          continue;
        }
        TypeElement type = context.elements().getTypeElement(name);
        if (type == null || !AnnotationMirrors.has(type, TypeNames.PLUGIN)) {
          continue; // deleted, or no longer a plugin
        }
        Optional<TypeElement> point = pluginReader.extensionPointsOf(type).stream()
            .filter(p -> p.getQualifiedName().contentEquals(pointName)).findFirst();
        if (point.isEmpty()) {
          continue; // no longer implements the extension point
        }
        if (!ours) {
          foreignPoints.computeIfAbsent(pointName, n -> pointReader.extensionPoint(point.get(), false));
        }
        byPoint.computeIfAbsent(pointName, k -> new ArrayList<>())
            .add(models.computeIfAbsent(name, n -> pluginReader.plugin(type)));
        kept.add(name);
      }
    }
    return kept;
  }

  /**
   * Decides, against the earlier state, what of this compilation's tables must be written again.
   * Made once every round's sources are recorded.
   *
   * @return the plan
   */
  public RegenerationPlan regeneration() {
    return new RegenerationPlan(earlier(), compiledNow, output);
  }

  /**
   * The service files to write, merged with those already in the output (see
   * {@link ServiceFileMerger}).
   *
   * @param next what this compilation generates
   * @param warnings receives a warning for each kept hand-written entry that names no class
   * @return resource path to content, for the files whose entries change
   */
  public Map<String, String> mergedServiceFiles(OutputState next, ValidationReport.Builder warnings) {
    return new ServiceFileMerger(context, output).merge(earlier(), next, warnings);
  }

  /**
   * The index class: the name it had in this output before, so that a module's {@code provides}
   * line never changes, else {@code PatchbayIndex} in the alphabetically first package of the
   * classes it derives from (the unnamed package if any lives there, since named packages cannot
   * see it), numbered when another jar on the class path already has that name.
   *
   * @param origins the extension points and plugins the index derives from
   * @return the index class's name
   */
  public ClassName indexName(List<Element> origins) {
    OutputState before = earlier();
    if (before.indexClass().isPresent()) {
      String qualified = before.indexClass().get();
      int dot = qualified.lastIndexOf('.');
      return ClassName.get(dot < 0 ? "" : qualified.substring(0, dot), qualified.substring(dot + 1));
    }
    Set<String> packages = new TreeSet<>();
    origins.forEach(e -> packages.add(Declarations.packageOf(context.elements(), (TypeElement) e)));
    String pkg = packages.isEmpty() ? "" : packages.iterator().next();
    for (int n = 1; ; n++) {
      String simple = IndexGenerator.SIMPLE_NAME + (n == 1 ? "" : Integer.toString(n));
      // Ask the output first: looking a class up makes the Eclipse compiler refuse to regenerate it.
      if (output.hasClass(pkg, simple)) {
        return ClassName.get(pkg, simple);
      }
      if (context.elements().getTypeElement(pkg.isEmpty() ? simple : pkg + "." + simple) == null) {
        return ClassName.get(pkg, simple);
      }
    }
  }

  /**
   * Makes way for a class generated again: deletes the class file an earlier compilation
   * generated under this name (see {@link OutputReader#deleteClass}).
   *
   * @param name a registry or index about to be written
   * @return true when the class is our own earlier output, which the compiler may refuse to replace
   */
  public boolean makeWayFor(ClassName name) {
    boolean replacing = RegenerationPlan.earlierGenerated(earlier(), name.canonicalName());
    if (replacing) {
      output.deleteClass(name.packageName(), name.simpleName());
    }
    return replacing;
  }

  /** Records {@code element} and the types nested in it as compiled now. */
  private void collectTypes(Element element) {
    if (element instanceof TypeElement type) {
      compiledNow.add(type.getQualifiedName().toString());
      for (Element nested : type.getEnclosedElements()) {
        collectTypes(nested);
      }
    }
  }
}
