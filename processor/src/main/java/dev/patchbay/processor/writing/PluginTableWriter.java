package dev.patchbay.processor.writing;

import static dev.patchbay.processor.writing.GeneratedTypes.PLUGIN_INFO;
import static dev.patchbay.processor.writing.GeneratedTypes.PLUGIN_TABLES;
import static dev.patchbay.processor.writing.GeneratedTypes.UNKNOWN_PLUGIN;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.Parameter;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.PluginTable;
import dev.patchbay.processor.model.RequiredConstructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the private core of a registry: plugin metadata as string constants, and {@code switch}
 * statements that create a plugin by name with a plain constructor or {@code provider()} call.
 *
 * <p>Shape choices, all for start-up cost and class-file limits:
 * <ul>
 *   <li>Metadata lives in a nested holder class, so only listing builds it, and is written as a
 *       line of text per plugin, decoded on first listing: listing loads one small class and
 *       resolves a few string constants. The name sets have their own holder, so listing does
 *       not build them.</li>
 *   <li>Factory methods return {@code Object}: the verifier then has no assignability to check, so
 *       verifying the registry loads no plugin class (it would for an abstract-class extension
 *       point); the public methods cast the one instance created.</li>
 *   <li>A {@code switch} per lookup instead of a lambda per plugin: no invokedynamic bootstrap per
 *       plugin at first use.</li>
 *   <li>Past {@link #CHUNK_SIZE} names the table is split into nested {@code ChunkN} classes, each
 *       with its own constant pool and methods well under the JVM's 64 KB method limit; a name is
 *       routed to its chunk by {@code String.hashCode()}, so a lookup loads one chunk.</li>
 * </ul>
 */
final class PluginTableWriter {
  /**
   * Names (or plugins) per chunk. At about 40 bytes of bytecode per name, 128 names keep each
   * switch near 5 KB: under HotSpot's 8,000-byte limit for JIT-compiling a method
   * (DontCompileHugeMethods), so a warm create() is compiled code rather than the interpreter, and
   * far under the class file's 64 KB limit.
   */
  static final int CHUNK_SIZE = 128;

  /** Bytes of metadata text per string constant: well under the class file's 65,535. */
  static final int TEXT_BYTES = 32_000;

  private static final ParameterizedTypeName LIST_OF_INFO =
      ParameterizedTypeName.get(ClassName.get(List.class), PLUGIN_INFO);

  private PluginTableWriter() {}

  /**
   * Adds the table's members to {@code target}: {@code Metadata} (with {@code PLUGINS}),
   * {@code NameIndex} (with {@code NAMES}, {@code ALL_NAMES}), {@code newInstance(String)} when plugins are created
   * without arguments, one typed {@code newInstance} per required constructor, and
   * {@code newInstanceWith(String, Object[])}.
   */
  static void addTo(TypeSpec.Builder target, PluginTable table) {
    List<PluginModel> plugins = table.plugins();
    ExtensionPointModel ep = table.extensionPoint();
    int names = plugins.stream().mapToInt(p -> p.allNames().size()).sum();
    int chunks = Math.max(1, (Math.max(names, plugins.size()) + CHUNK_SIZE - 1) / CHUNK_SIZE);
    target.addType(metadata(plugins, ep));
    target.addType(nameIndex());
    if (chunks == 1) {
      if (ep.createsWithoutArguments()) {
        target.addMethod(factory(ep, plugins, null, name -> true).build());
      }
      for (RequiredConstructor constructor : ep.typedConstructors()) {
        target.addMethod(factory(ep, plugins, constructor, name -> true).build());
      }
    } else {
      addChunks(target, table, chunks);
    }
    target.addMethod(newInstanceWith(ep));
  }

  private static void addChunks(TypeSpec.Builder target, PluginTable table, int chunks) {
    List<PluginModel> plugins = table.plugins();
    ExtensionPointModel ep = table.extensionPoint();
    for (int i = 0; i < chunks; i++) {
      int bucket = i;
      TypeSpec.Builder chunk = TypeSpec.classBuilder("Chunk" + i)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      NamePredicate inBucket = name -> Math.floorMod(name.hashCode(), chunks) == bucket;
      if (ep.createsWithoutArguments()) {
        chunk.addMethod(factory(ep, plugins, null, inBucket).build());
      }
      for (RequiredConstructor constructor : ep.typedConstructors()) {
        chunk.addMethod(factory(ep, plugins, constructor, inBucket).build());
      }
      target.addType(chunk.build());
    }
    if (ep.createsWithoutArguments()) {
      target.addMethod(router(ep, null, chunks));
    }
    for (RequiredConstructor constructor : ep.typedConstructors()) {
      target.addMethod(router(ep, constructor, chunks));
    }
  }

  /** Tests whether a name belongs in a chunk. */
  private interface NamePredicate {
    boolean test(String name);
  }

  /**
   * The {@code Metadata} holder: every plugin's metadata as text constants, decoded into
   * {@code PluginInfo} records on first listing.
   *
   * <p>One text line per plugin instead of one constructor call: the class's code stays a few
   * bytes per {@link #TEXT_BYTES} of metadata, so first listing resolves a handful of string
   * constants rather than four per plugin and verifies no long method, and javac attributes no
   * per-plugin expression.
   */
  private static TypeSpec metadata(List<PluginModel> plugins, ExtensionPointModel ep) {
    CodeBlock.Builder init = CodeBlock.builder()
        .addStatement("$T plugins = new $T<>($L)", LIST_OF_INFO, ArrayList.class, plugins.size());
    for (String text : metadataTexts(plugins)) {
      init.addStatement("$T.decode(plugins, $S, $S)", PLUGIN_TABLES, text, ep.binaryName());
    }
    init.addStatement("PLUGINS = $T.unmodifiableList(plugins)", Collections.class);
    return TypeSpec.classBuilder("Metadata")
        .addJavadoc("Plugin metadata, built on first listing from text constants; loads no plugin class.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addField(FieldSpec.builder(LIST_OF_INFO, "PLUGINS", Modifier.STATIC, Modifier.FINAL).build())
        .addStaticBlock(init.build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  /** The holder of the name sets, apart from {@code Metadata} so listing does not build them. */
  private static TypeSpec nameIndex() {
    TypeName sortedSet = ParameterizedTypeName.get(SortedSet.class, String.class);
    TypeName set = ParameterizedTypeName.get(Set.class, String.class);
    return TypeSpec.classBuilder("NameIndex")
        .addJavadoc("Plugin names and aliases, built on the first name lookup; loads no plugin class.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addField(FieldSpec.builder(sortedSet, "NAMES", Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.primaryNames(Metadata.PLUGINS)", PLUGIN_TABLES).build())
        .addField(FieldSpec.builder(set, "ALL_NAMES", Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.allNames(Metadata.PLUGINS)", PLUGIN_TABLES).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }


  /**
   * The metadata as text: a line per plugin, its fields separated by tabs (name, description,
   * priority, class, then each alias), split into constants of at most {@link #TEXT_BYTES}.
   */
  static List<String> metadataTexts(List<PluginModel> plugins) {
    List<String> texts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int bytes = 0;
    for (PluginModel plugin : plugins) {
      StringBuilder line = new StringBuilder();
      line.append(escape(plugin.name())).append('\t').append(escape(plugin.description()))
          .append('\t').append(plugin.priority()).append('\t').append(escape(plugin.binaryName()));
      for (String alias : plugin.aliases()) {
        line.append('\t').append(escape(alias));
      }
      line.append('\n');
      // A class-file string constant holds at most 65,535 bytes of modified UTF-8 (up to 3 a char).
      int lineBytes = line.chars().map(c -> c >= 1 && c < 0x80 ? 1 : 3).sum();
      if (bytes > 0 && bytes + lineBytes > TEXT_BYTES) {
        texts.add(text.toString());
        text.setLength(0);
        bytes = 0;
      }
      text.append(line);
      bytes += lineBytes;
    }
    if (text.length() > 0) {
      texts.add(text.toString());
    }
    return texts;
  }

  /** Escapes the separators (and the escape character) inside one field. */
  private static String escape(String field) {
    if (field.indexOf('\\') < 0 && field.indexOf('\t') < 0 && field.indexOf('\n') < 0) {
      return field;
    }
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  /** A {@code switch} from names (and aliases) to a constructor or provider call. */
  private static MethodSpec.Builder factory(ExtensionPointModel ep, List<PluginModel> plugins,
      RequiredConstructor constructor, NamePredicate include) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("newInstance")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(String.class, "name");
    String arguments = "";
    if (constructor != null) {
      for (Parameter parameter : constructor.parameters()) {
        method.addParameter(parameter.type(), parameter.name());
      }
      arguments = constructor.parameters().stream().map(Parameter::name).collect(Collectors.joining(", "));
      if (constructor.hasRawTypes()) {
        method.addAnnotation(suppressRawTypes());
      }
    }
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (name)");
    for (PluginModel plugin : plugins) {
      List<String> names = plugin.allNames().stream().filter(include::test).toList();
      if (names.isEmpty()) {
        continue;
      }
      for (String name : names) {
        code.add("case $S:\n", name);
      }
      code.indent().addStatement("return $L", creation(ep, plugin, constructor, arguments)).unindent();
    }
    code.add("default:\n").indent().addStatement("return null").unindent().endControlFlow();
    return method.addCode(code.build());
  }

  private static CodeBlock creation(ExtensionPointModel ep, PluginModel plugin,
      RequiredConstructor constructor, String arguments) {
    if (constructor == null && ep.requiredConstructors().isEmpty() && plugin.hasProvider()) {
      // ServiceLoader prefers provider() too, so both paths create the same thing.
      return CodeBlock.of("$T.provider()", plugin.className());
    }
    return CodeBlock.of(plugin.generic() ? "new $T<>($L)" : "new $T($L)", plugin.className(), arguments);
  }

  /** In a chunked table, sends each name to the one chunk whose switch holds it. */
  private static MethodSpec router(ExtensionPointModel ep, RequiredConstructor constructor, int chunks) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("newInstance")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(String.class, "name");
    String arguments = "name";
    if (constructor != null) {
      for (Parameter parameter : constructor.parameters()) {
        method.addParameter(parameter.type(), parameter.name());
        arguments += ", " + parameter.name();
      }
      if (constructor.hasRawTypes()) {
        method.addAnnotation(suppressRawTypes());
      }
    }
    CodeBlock.Builder code = CodeBlock.builder()
        .beginControlFlow("switch ($T.floorMod(name.hashCode(), $L))", Math.class, chunks);
    for (int i = 0; i < chunks; i++) {
      code.add("case $L:\n", i).indent().addStatement("return Chunk$L.newInstance($L)", i, arguments).unindent();
    }
    code.add("default:\n").indent().addStatement("return null").unindent().endControlFlow();
    return method.addCode(code.build()).build();
  }

  /** Picks the factory whose parameters match {@code arguments} by count and type. */
  private static MethodSpec newInstanceWith(ExtensionPointModel ep) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("newInstanceWith")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(String.class, "name")
        .addParameter(Object[].class, "arguments");
    method.beginControlFlow("if (!NameIndex.ALL_NAMES.contains(name))")
        .addStatement("throw $T.of($S, name, NameIndex.ALL_NAMES)", UNKNOWN_PLUGIN, ep.binaryName())
        .endControlFlow();
    if (ep.createsWithoutArguments()) {
      method.beginControlFlow("if (arguments.length == 0)")
          .addStatement("return newInstance(name)")
          .endControlFlow();
    }
    List<String> accepted = new ArrayList<>();
    if (ep.createsWithoutArguments()) {
      accepted.add("()");
    }
    for (RequiredConstructor constructor : ep.typedConstructors()) {
      accepted.add(constructor.describe());
      List<Parameter> parameters = constructor.parameters();
      CodeBlock.Builder condition = CodeBlock.builder().add("arguments.length == $L", parameters.size());
      CodeBlock.Builder call = CodeBlock.builder().add("newInstance(name");
      for (int i = 0; i < parameters.size(); i++) {
        Parameter parameter = parameters.get(i);
        condition.add(parameter.primitive()
            ? " && arguments[$L] instanceof $T" : " && (arguments[$L] == null || arguments[$L] instanceof $T)",
            parameter.primitive() ? new Object[] {i, parameter.checkType()} : new Object[] {i, i, parameter.checkType()});
        call.add(", ($T) arguments[$L]", parameter.castType(), i);
      }
      method.beginControlFlow("if ($L)", condition.build())
          .addStatement("return $L)", call.build())
          .endControlFlow();
    }
    String registry = ep.registryName().simpleName();
    if (!ep.createsWithoutArguments()) {
      // The generic Registry view cannot invent constructor arguments: say which call to make.
      method.beginControlFlow("if (arguments.length == 0)")
          .addStatement("throw new $T($S)", UnsupportedOperationException.class,
              "plugins of " + ep.binaryName() + " are created with constructor arguments "
                  + String.join(" or ", accepted) + " (its @RequireConstructor): call "
                  + registry + ".create(name, ...) or registry.createWith(name, arguments...)")
          .endControlFlow();
    }
    method.addStatement("throw new $T($S + arguments.length + $S)", IllegalArgumentException.class,
        "plugins of " + ep.binaryName() + " are created with constructor arguments "
            + String.join(" or ", accepted) + ", but ", " argument(s) of other types were given");
    return method.build();
  }

  private static AnnotationSpec suppressRawTypes() {
    // Class literals such as List.class are raw; the contract only fixes erased types.
    return AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", "{$S, $S}", "rawtypes", "unchecked").build();
  }
}
