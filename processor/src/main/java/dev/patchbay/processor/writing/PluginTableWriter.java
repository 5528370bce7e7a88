package dev.patchbay.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.Parameter;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.PluginTable;
import dev.patchbay.processor.model.RequiredConstructor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

/**
 * Writes the private core of a registry (or of a table of the index): plugin metadata as string
 * constants ({@link MetadataWriter}), {@code switch} statements that create a plugin by name
 * ({@link FactorySwitchWriter}), split into hash-routed chunks when the table is large
 * ({@link HashChunks}), and the dispatch of {@code createWith} arguments
 * ({@link ArgumentDispatchWriter}). This class only puts them together.
 *
 * <p>Every shape is chosen for start-up cost and class-file limits; each writer says why.
 */
final class PluginTableWriter {

  private PluginTableWriter() {}

  /**
   * Adds the table's members to {@code target}: {@code Metadata} (with {@code PLUGINS}),
   * {@code NameIndex} (with {@code ALL_NAMES}, and {@code NAMES} for a registry), {@code newInstance(String)} when plugins are created
   * without arguments, one typed {@code newInstance} per required constructor, and
   * {@code newInstanceWith(String, Object[])}. The nested classes take the names in
   * {@code helpers}.
   *
   * @param target the class receiving the members
   * @param table the extension point and its plugins
   * @param elements to tell which plugin classes may be named without {@code $T}
   * @param packageName the package of the generated file
   * @param visible simple names the enclosing generated code declares or imports
   * @param forRegistry whether {@code target} is a registry: it then also gets {@code NAMES}
   *     (for {@code names()}) and {@code fill(Object[])}, which creates every plugin into an
   *     array in the order of {@code Metadata.PLUGINS} (for {@code createAll()}; only when the
   *     extension point creates plugins without arguments)
   * @param helpers the names of the nested classes
   */
  static void addTo(TypeSpec.Builder target, PluginTable table, Elements elements,
      String packageName, Set<String> visible, boolean forRegistry, HelperNames helpers) {
    List<PluginModel> plugins = table.plugins();
    ExtensionPointModel ep = table.extensionPoint();
    int chunks = HashChunks.count(plugins);
    Set<String> inScope = new HashSet<>(visible);
    inScope.addAll(LOCAL_NAMES);
    inScope.addAll(List.of(helpers.metadata(), helpers.nameIndex()));
    for (int i = 0; i < chunks; i++) {
      inScope.add(helpers.chunkPrefix() + i);
    }
    for (RequiredConstructor constructor : ep.typedConstructors()) {
      for (Parameter parameter : constructor.parameters()) {
        inScope.add(parameter.name());
        inScope.addAll(PlainReferences.simpleNamesIn(parameter.type()));
      }
    }
    PlainReferences references = new PlainReferences(elements, packageName, inScope);
    if (!forRegistry) {
      // A registry's metadata is a class of its own: see RegistryGenerator.generateTexts.
      target.addType(MetadataWriter.metadata(plugins, ep, helpers));
    }
    target.addType(MetadataWriter.nameIndex(helpers, forRegistry));
    List<List<HashChunks.Case>> buckets = HashChunks.buckets(plugins, chunks);
    List<List<Integer>> fills = forRegistry && ep.createsWithoutArguments()
        ? HashChunks.fillPositions(plugins, chunks) : null;
    if (chunks == 1) {
      if (ep.createsWithoutArguments()) {
        target.addMethod(FactorySwitchWriter.factory(ep, buckets.get(0), null, references).build());
      }
      for (RequiredConstructor constructor : ep.typedConstructors()) {
        target.addMethod(
            FactorySwitchWriter.factory(ep, buckets.get(0), constructor, references).build());
      }
    } else {
      addChunks(target, ep, plugins, buckets, fills, references, helpers.chunkPrefix());
    }
    if (fills != null) {
      addFill(target, ep, plugins, fills, references, helpers.chunkPrefix());
    }
    target.addMethod(ArgumentDispatchWriter.newInstanceWith(ep, helpers.nameIndex()));
    if (!references.samePackageNames().isEmpty()) {
      target.alwaysQualify(references.samePackageNames().toArray(String[]::new));
    }
  }

  /** Names the generated table code declares itself: nested types, fields, variables. */
  private static final Set<String> LOCAL_NAMES = Set.of("PLUGINS",
      "NAMES", "ALL_NAMES", "plugins", "name", "arguments", "out");

  /**
   * Adds {@code fill(Object[] out)}: {@code out[i] = new Plugin();} for the i-th plugin of
   * {@code Metadata.PLUGINS}. In a chunked table each chunk fills the plugins whose primary name
   * it holds and the registry's {@code fill} calls every chunk.
   *
   * <p>This is what {@code createAll()} runs: compared with looking each name up, it neither
   * decodes the metadata nor goes through a {@code switch} per plugin, which in a fresh JVM made
   * creating 1,000 plugins about 25% slower than a hand-written list (docs/benchmarks.md).
   */
  private static void addFill(TypeSpec.Builder target, ExtensionPointModel ep,
      List<PluginModel> plugins, List<List<Integer>> positions, PlainReferences references,
      String chunkPrefix) {
    if (positions.size() == 1) {
      target.addMethod(FactorySwitchWriter.fill(ep, plugins, positions.get(0), references));
      return;
    }
    CodeBlock.Builder calls = CodeBlock.builder();
    for (int i = 0; i < positions.size(); i++) {
      calls.addStatement("$L$L.fill(out)", chunkPrefix, i);
    }
    target.addMethod(MethodSpec.methodBuilder("fill")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(Object[].class, "out")
        .addCode(calls.build())
        .build());
  }

  private static void addChunks(TypeSpec.Builder target, ExtensionPointModel ep,
      List<PluginModel> plugins, List<List<HashChunks.Case>> buckets, List<List<Integer>> fills,
      PlainReferences references, String chunkPrefix) {
    int chunks = buckets.size();
    for (int i = 0; i < chunks; i++) {
      TypeSpec.Builder chunk = TypeSpec.classBuilder(chunkPrefix + i)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      if (ep.createsWithoutArguments()) {
        chunk.addMethod(FactorySwitchWriter.factory(ep, buckets.get(i), null, references).build());
      }
      for (RequiredConstructor constructor : ep.typedConstructors()) {
        chunk.addMethod(
            FactorySwitchWriter.factory(ep, buckets.get(i), constructor, references).build());
      }
      if (fills != null) {
        chunk.addMethod(FactorySwitchWriter.fill(ep, plugins, fills.get(i), references));
      }
      target.addType(chunk.build());
    }
    if (ep.createsWithoutArguments()) {
      target.addMethod(HashChunks.router(null, chunks, chunkPrefix));
    }
    for (RequiredConstructor constructor : ep.typedConstructors()) {
      target.addMethod(HashChunks.router(constructor, chunks, chunkPrefix));
    }
  }
}
