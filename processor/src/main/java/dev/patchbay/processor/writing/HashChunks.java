package dev.patchbay.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.patchbay.processor.model.Parameter;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.RequiredConstructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a large table into nested {@code ChunkN} classes: past {@link #CHUNK_SIZE} names, each
 * chunk has its own constant pool and methods well under the JVM's 64 KB method limit. A name is
 * routed to its chunk by {@code String.hashCode()}, so a lookup loads one chunk; the chunks' own
 * switches are written by {@link FactorySwitchWriter}.
 */
final class HashChunks {
  private HashChunks() {}

  /**
   * Names (or plugins) per chunk. At about 40 bytes of bytecode per name, 128 names keep each
   * switch near 5 KB: under HotSpot's 8,000-byte limit for JIT-compiling a method
   * (DontCompileHugeMethods), so a warm create() is compiled code rather than the interpreter, and
   * far under the class file's 64 KB limit.
   */
  static final int CHUNK_SIZE = 128;

  /**
   * Which plugins (by position in {@code plugins}) each chunk fills: those whose primary name it
   * holds.
   */
  static List<List<Integer>> fillPositions(List<PluginModel> plugins, int chunks) {
    List<List<Integer>> positions = new ArrayList<>(chunks);
    for (int i = 0; i < chunks; i++) {
      positions.add(new ArrayList<>());
    }
    for (int i = 0; i < plugins.size(); i++) {
      positions.get(Math.floorMod(plugins.get(i).name().hashCode(), chunks)).add(i);
    }
    return positions;
  }

  /** One plugin and those of its names that fall in one chunk. */
  record Case(PluginModel plugin, List<String> names) {}

  /**
   * Sorts every name into its chunk once: chunk {@code floorMod(name.hashCode(), chunks)}, in
   * plugin order, so the router and the chunks agree.
   */
  static List<List<Case>> buckets(List<PluginModel> plugins, int chunks) {
    List<List<Case>> buckets = new ArrayList<>(chunks);
    for (int i = 0; i < chunks; i++) {
      buckets.add(new ArrayList<>());
    }
    for (PluginModel plugin : plugins) {
      List<String> all = plugin.allNames();
      if (chunks == 1) {
        buckets.get(0).add(new Case(plugin, all));
        continue;
      }
      // Usually every name of a plugin lands in a different chunk; group those that do not.
      List<List<String>> perChunk = new ArrayList<>(Collections.nCopies(chunks, null));
      for (String name : all) {
        int bucket = Math.floorMod(name.hashCode(), chunks);
        if (perChunk.get(bucket) == null) {
          perChunk.set(bucket, new ArrayList<>());
          buckets.get(bucket).add(new Case(plugin, perChunk.get(bucket)));
        }
        perChunk.get(bucket).add(name);
      }
    }
    return buckets;
  }

  /** In a chunked table, sends each name to the one chunk whose switch holds it. */
  static MethodSpec router(RequiredConstructor constructor, int chunks, String chunkPrefix) {
    MethodSpec.Builder method = FactorySwitchWriter.newInstance(constructor);
    String arguments = "name";
    if (constructor != null) {
      for (Parameter parameter : constructor.parameters()) {
        arguments += ", " + parameter.name();
      }
      if (constructor.hasRawTypes()) {
        method.addAnnotation(FactorySwitchWriter.suppress(true, false));
      }
    }
    CodeBlock.Builder code = CodeBlock.builder()
        .beginControlFlow("switch ($T.floorMod(name.hashCode(), $L))", Math.class, chunks);
    for (int i = 0; i < chunks; i++) {
      code.add("case $L:\n", i).indent()
          .addStatement("return $L$L.newInstance($L)", chunkPrefix, i, arguments).unindent();
    }
    code.add("default:\n").indent().addStatement("return null").unindent().endControlFlow();
    return method.addCode(code.build()).build();
  }

  /**
   * How many chunks a table needs: one per {@link #CHUNK_SIZE} names or plugins, at least one.
   *
   * @param plugins the table's plugins
   * @return the number of chunks
   */
  static int count(List<PluginModel> plugins) {
    int names = 0;
    for (PluginModel plugin : plugins) {
      names += 1 + plugin.aliases().size();
    }
    return Math.max(1, (Math.max(names, plugins.size()) + CHUNK_SIZE - 1) / CHUNK_SIZE);
  }
}
