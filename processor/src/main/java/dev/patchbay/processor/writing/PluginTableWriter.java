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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.util.Elements;

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
    int names = 0;
    for (PluginModel plugin : plugins) {
      names += 1 + plugin.aliases().size();
    }
    int chunks = Math.max(1, (Math.max(names, plugins.size()) + CHUNK_SIZE - 1) / CHUNK_SIZE);
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
      target.addType(metadata(plugins, ep, helpers));
    }
    target.addType(nameIndex(helpers, forRegistry));
    List<List<Case>> buckets = buckets(plugins, chunks);
    List<List<Integer>> fills = forRegistry && ep.createsWithoutArguments()
        ? fillPositions(plugins, chunks) : null;
    if (chunks == 1) {
      if (ep.createsWithoutArguments()) {
        target.addMethod(factory(ep, buckets.get(0), null, references).build());
      }
      for (RequiredConstructor constructor : ep.typedConstructors()) {
        target.addMethod(factory(ep, buckets.get(0), constructor, references).build());
      }
    } else {
      addChunks(target, ep, plugins, buckets, fills, references, helpers.chunkPrefix());
    }
    if (fills != null) {
      addFill(target, ep, plugins, fills, references, helpers.chunkPrefix());
    }
    target.addMethod(newInstanceWith(ep, helpers.nameIndex()));
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
      target.addMethod(fill(ep, plugins, positions.get(0), references));
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

  /**
   * Which plugins (by position in {@code plugins}) each chunk fills: those whose primary name it
   * holds.
   */
  private static List<List<Integer>> fillPositions(List<PluginModel> plugins, int chunks) {
    List<List<Integer>> positions = new ArrayList<>(chunks);
    for (int i = 0; i < chunks; i++) {
      positions.add(new ArrayList<>());
    }
    for (int i = 0; i < plugins.size(); i++) {
      positions.get(Math.floorMod(plugins.get(i).name().hashCode(), chunks)).add(i);
    }
    return positions;
  }

  /** {@code fill(Object[] out)} for the plugins at {@code positions}. */
  private static MethodSpec fill(ExtensionPointModel ep, List<PluginModel> plugins,
      List<Integer> positions, PlainReferences references) {
    CodeBlock.Builder code = CodeBlock.builder();
    StringBuilder text = new StringBuilder(positions.size() * 48);
    for (int position : positions) {
      appendCreation(code, text, "out[" + position + "] = ", false, ep, plugins.get(position),
          null, "", references);
    }
    code.add("$L", text.toString());
    return MethodSpec.methodBuilder("fill")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(Object[].class, "out")
        .addCode(code.build())
        .build();
  }

  /** One plugin and those of its names that fall in one chunk. */
  private record Case(PluginModel plugin, List<String> names) {}

  /**
   * Sorts every name into its chunk once: chunk {@code floorMod(name.hashCode(), chunks)}, in
   * plugin order, so the router and the chunks agree.
   */
  private static List<List<Case>> buckets(List<PluginModel> plugins, int chunks) {
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

  private static void addChunks(TypeSpec.Builder target, ExtensionPointModel ep,
      List<PluginModel> plugins, List<List<Case>> buckets, List<List<Integer>> fills,
      PlainReferences references, String chunkPrefix) {
    int chunks = buckets.size();
    for (int i = 0; i < chunks; i++) {
      TypeSpec.Builder chunk = TypeSpec.classBuilder(chunkPrefix + i)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
      if (ep.createsWithoutArguments()) {
        chunk.addMethod(factory(ep, buckets.get(i), null, references).build());
      }
      for (RequiredConstructor constructor : ep.typedConstructors()) {
        chunk.addMethod(factory(ep, buckets.get(i), constructor, references).build());
      }
      if (fills != null) {
        chunk.addMethod(fill(ep, plugins, fills.get(i), references));
      }
      target.addType(chunk.build());
    }
    if (ep.createsWithoutArguments()) {
      target.addMethod(router(null, chunks, chunkPrefix));
    }
    for (RequiredConstructor constructor : ep.typedConstructors()) {
      target.addMethod(router(constructor, chunks, chunkPrefix));
    }
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
  private static TypeSpec metadata(List<PluginModel> plugins, ExtensionPointModel ep,
      HelperNames helpers) {
    return metadataBuilder(plugins, ep, helpers.metadata())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .build();
  }

  /**
   * The metadata holder as a top-level, package-private class named {@code name}.
   *
   * @param table the extension point and its plugins
   * @param name the class's simple name
   * @return the class, without {@code @Generated} and originating elements
   */
  static TypeSpec.Builder topLevelMetadata(PluginTable table, String name) {
    return metadataBuilder(table.plugins(), table.extensionPoint(), name)
        .addModifiers(Modifier.FINAL);
  }

  private static TypeSpec.Builder metadataBuilder(List<PluginModel> plugins,
      ExtensionPointModel ep, String name) {
    CodeBlock.Builder init = CodeBlock.builder()
        .addStatement("$T plugins = new $T<>($L)", LIST_OF_INFO, ArrayList.class, plugins.size());
    for (String text : metadataTexts(plugins)) {
      // The literal is written here, not by $S: JavaPoet escapes a character at a time, which
      // for thousands of plugins cost more than everything else in this class.
      init.addStatement("$T.decode(plugins, $L, $S)", PLUGIN_TABLES, PlainReferences.lineLiteral(text),
          ep.binaryName());
    }
    init.addStatement("PLUGINS = $T.unmodifiableList(plugins)", Collections.class);
    return TypeSpec.classBuilder(name)
        .addJavadoc("Plugin metadata, built on first listing from text constants; loads no plugin class.\n")
        .addField(FieldSpec.builder(LIST_OF_INFO, "PLUGINS", Modifier.STATIC, Modifier.FINAL).build())
        .addStaticBlock(init.build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  /**
   * The holder of the name sets, apart from {@code Metadata} so listing does not build them.
   * {@code NAMES} only serves a registry's {@code names()}; elsewhere it would be an unused field.
   */
  private static TypeSpec nameIndex(HelperNames helpers, boolean withNames) {
    TypeName sortedSet = ParameterizedTypeName.get(SortedSet.class, String.class);
    TypeName set = ParameterizedTypeName.get(Set.class, String.class);
    TypeSpec.Builder type = TypeSpec.classBuilder(helpers.nameIndex())
        .addJavadoc("Plugin names and aliases, built on the first name lookup; loads no plugin class.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
    if (withNames) {
      type.addField(FieldSpec.builder(sortedSet, "NAMES", Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.primaryNames($L.PLUGINS)", PLUGIN_TABLES, helpers.metadata()).build());
    }
    return type
        .addField(FieldSpec.builder(set, "ALL_NAMES", Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.allNames($L.PLUGINS)", PLUGIN_TABLES, helpers.metadata()).build())
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
      int lineBytes = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        lineBytes += c >= 1 && c < 0x80 ? 1 : 3;
      }
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

  /**
   * A {@code switch} from names (and aliases) to a constructor or provider call.
   *
   * <p>The cases are written as one block of plain text (see {@link PlainReferences}): one
   * {@code $S} and {@code $T} per plugin made JavaPoet the largest cost of a build with
   * thousands of plugins. A class that cannot be named safely as text goes through {@code $T}.
   */
  private static MethodSpec.Builder factory(ExtensionPointModel ep, List<Case> cases,
      RequiredConstructor constructor, PlainReferences references) {
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
      // A raw argument passed to a constructor parameter such as List<String> is an unchecked
      // conversion; suppress that only where some plugin has such a constructor, since ECJ
      // warns about a suppression that suppresses nothing.
      String key = constructor.erasedSignature();
      boolean unchecked = constructor.hasRawTypes()
          && cases.stream().anyMatch(c -> c.plugin().genericConstructors().contains(key));
      if (constructor.hasRawTypes()) {
        method.addAnnotation(suppress(true, unchecked));
      }
    }
    CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (name)");
    StringBuilder text = new StringBuilder(cases.size() * 64);
    for (Case c : cases) {
      for (String name : c.names()) {
        text.append("case ").append(PlainReferences.stringLiteral(name)).append(":\n");
      }
      appendCreation(code, text, "return ", true, ep, c.plugin(), constructor, arguments,
          references);
    }
    code.add("$L", text.toString());
    code.add("default:\n").indent().addStatement("return null").unindent().endControlFlow();
    return method.addCode(code.build());
  }

  /**
   * Appends the statement {@code <lead><creation of plugin>;}: to {@code text} when the plugin's
   * class can be named as plain text, else to {@code code} through {@code $T}, after flushing the
   * text gathered so far so the order stays. {@code indented} puts it one level in (under a
   * {@code case}).
   */
  private static void appendCreation(CodeBlock.Builder code, StringBuilder text, String lead,
      boolean indented, ExtensionPointModel ep, PluginModel plugin, RequiredConstructor constructor,
      String arguments, PlainReferences references) {
    String type = references.reference(plugin.className());
    if (type != null) {
      text.append(indented ? "  " : "").append(lead)
          .append(creation(ep, plugin, constructor, type, arguments)).append(";\n");
      return;
    }
    code.add("$L", text.toString());
    text.setLength(0);
    if (indented) {
      code.indent();
    }
    code.addStatement(lead.replace("$", "$$")
        + creation(ep, plugin, constructor, "$T", arguments.replace("$", "$$")), plugin.className());
    if (indented) {
      code.unindent();
    }
  }

  /**
   * The expression creating {@code plugin}, with {@code type} standing for its class (a name, or
   * JavaPoet's {@code $T}).
   */
  private static String creation(ExtensionPointModel ep, PluginModel plugin,
      RequiredConstructor constructor, String type, String arguments) {
    if (constructor == null && ep.requiredConstructors().isEmpty() && plugin.hasProvider()) {
      // ServiceLoader prefers provider() too, so both paths create the same thing.
      return type + ".provider()";
    }
    return "new " + type + (plugin.generic() ? "<>(" : "(") + arguments + ")";
  }

  /** In a chunked table, sends each name to the one chunk whose switch holds it. */
  private static MethodSpec router(RequiredConstructor constructor, int chunks, String chunkPrefix) {
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
        method.addAnnotation(suppress(true, false));
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

  /** Picks the factory whose parameters match {@code arguments} by count and type. */
  private static MethodSpec newInstanceWith(ExtensionPointModel ep, String nameIndex) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("newInstanceWith")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(String.class, "name")
        .addParameter(Object[].class, "arguments");
    if (ep.createsWithoutArguments()) {
      // The common call (Registries.of(..).create(name)) needs no name set: the switch answers
      // null for an unknown name. Building the sets costs a cold start a pass over every plugin.
      method.beginControlFlow("if (arguments.length == 0)")
          .addStatement("$T plugin = newInstance(name)", Object.class)
          .beginControlFlow("if (plugin != null)")
          .addStatement("return plugin")
          .endControlFlow()
          .endControlFlow();
    }
    method.beginControlFlow("if (!$L.ALL_NAMES.contains(name))", nameIndex)
        .addStatement("throw $T.of($S, name, $L.ALL_NAMES)", UNKNOWN_PLUGIN, ep.binaryName(), nameIndex)
        .endControlFlow();
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
        if (parameter.castType().equals(ClassName.OBJECT)) {
          // Every argument is an Object: a check or cast would only draw a lint warning.
          call.add(", arguments[$L]", i);
          continue;
        }
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

  /**
   * {@code @SuppressWarnings} for methods with raw parameter types: class literals such as
   * {@code List.class} are raw, since the contract only fixes erased types.
   */
  static AnnotationSpec suppress(boolean rawtypes, boolean unchecked) {
    AnnotationSpec.Builder annotation = AnnotationSpec.builder(SuppressWarnings.class);
    if (rawtypes && unchecked) {
      return annotation.addMember("value", "{$S, $S}", "rawtypes", "unchecked").build();
    }
    return annotation.addMember("value", "$S", rawtypes ? "rawtypes" : "unchecked").build();
  }
}
