package dev.patchbay.processor.writing;

import static dev.patchbay.processor.writing.GeneratedTypes.PLUGIN_INFO;
import static dev.patchbay.processor.writing.GeneratedTypes.PLUGIN_TABLES;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.PluginTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import javax.lang.model.element.Modifier;

/**
 * Writes a table's plugin metadata: the {@code Metadata} holder, whose text constants hold a line
 * per plugin (name, description, priority, class, aliases) decoded into {@code PluginInfo} records
 * on first listing, and the {@code NameIndex} holder of the name sets.
 *
 * <p>Metadata lives in a nested holder class, so only listing builds it, and is written as text:
 * listing loads one small class and resolves a few string constants. The name sets have their own
 * holder, so listing does not build them.
 */
final class MetadataWriter {
  private MetadataWriter() {}

  /** Bytes of metadata text per string constant: well under the class file's 65,535. */
  static final int TEXT_BYTES = 32_000;

  private static final ParameterizedTypeName LIST_OF_INFO =
      ParameterizedTypeName.get(ClassName.get(List.class), PLUGIN_INFO);

  /**
   * The {@code Metadata} holder: every plugin's metadata as text constants, decoded into
   * {@code PluginInfo} records on first listing.
   *
   * <p>One text line per plugin instead of one constructor call: the class's code stays a few
   * bytes per {@link #TEXT_BYTES} of metadata, so first listing resolves a handful of string
   * constants rather than four per plugin and verifies no long method, and javac attributes no
   * per-plugin expression.
   */
  static TypeSpec metadata(List<PluginModel> plugins, ExtensionPointModel ep,
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
      // One literal per text, written here rather than by $S: JavaPoet escapes a character at a
      // time and splits at each line break into "..." + "...", a concatenation of thousands of
      // literals that the compiler then folds one by one.
      init.addStatement("$T.decode(plugins, $L, $S)", PLUGIN_TABLES, PlainReferences.stringLiteral(text),
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
  static TypeSpec nameIndex(HelperNames helpers, boolean withNames) {
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
      String line = line(plugin);
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

  /**
   * One plugin's line of the metadata text, ending in a line break: name, description, priority,
   * class, then each alias, separated by tabs. The plugin listing beside the index uses the same
   * line, so {@code PluginTables.decode} reads both.
   */
  static String line(PluginModel plugin) {
    StringBuilder line = new StringBuilder();
    line.append(escape(plugin.name())).append('\t').append(escape(plugin.description()))
        .append('\t').append(plugin.priority()).append('\t').append(escape(plugin.binaryName()));
    for (String alias : plugin.aliases()) {
      line.append('\t').append(escape(alias));
    }
    return line.append('\n').toString();
  }

  /** Escapes the separators (and the escape character) inside one field. */
  static String escape(String field) {
    if (field.indexOf('\\') < 0 && field.indexOf('\t') < 0 && field.indexOf('\n') < 0) {
      return field;
    }
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }
}
