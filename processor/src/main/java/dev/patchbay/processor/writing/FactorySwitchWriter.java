package dev.patchbay.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.Parameter;
import dev.patchbay.processor.model.PluginModel;
import dev.patchbay.processor.model.RequiredConstructor;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the methods that create plugins: a {@code switch} from names (and aliases) to a plain
 * constructor or {@code provider()} call per lookup, and {@code fill(Object[])}, which creates
 * every plugin for {@code createAll()}.
 *
 * <p>A {@code switch} instead of a lambda per plugin: no invokedynamic bootstrap per plugin at
 * first use. The methods return {@code Object}: the verifier then has no assignability to check,
 * so verifying the registry loads no plugin class (it would for an abstract-class extension
 * point); the public methods cast the one instance created.
 */
final class FactorySwitchWriter {
  private FactorySwitchWriter() {}

  /** {@code fill(Object[] out)} for the plugins at {@code positions}. */
  static MethodSpec fill(ExtensionPointModel ep, List<PluginModel> plugins,
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

  /**
   * The header of a {@code newInstance} method: the name, then the required constructor's
   * parameters. The table's switch and, in a chunked table, the router and each chunk's switch
   * share it, since the router passes its arguments on unchanged.
   *
   * @param constructor the required constructor, or null for plugins created without arguments
   * @return the method, without annotations or code
   */
  static MethodSpec.Builder newInstance(RequiredConstructor constructor) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("newInstance")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(Object.class)
        .addParameter(String.class, "name");
    if (constructor != null) {
      for (Parameter parameter : constructor.parameters()) {
        method.addParameter(parameter.type(), parameter.name());
      }
    }
    return method;
  }

  /**
   * A {@code switch} from names (and aliases) to a constructor or provider call.
   *
   * <p>The cases are written as one block of plain text (see {@link PlainReferences}): one
   * {@code $S} and {@code $T} per plugin made JavaPoet the largest cost of a build with
   * thousands of plugins. A class that cannot be named safely as text goes through {@code $T}.
   */
  static MethodSpec.Builder factory(ExtensionPointModel ep, List<HashChunks.Case> cases,
      RequiredConstructor constructor, PlainReferences references) {
    MethodSpec.Builder method = newInstance(constructor);
    String arguments = "";
    if (constructor != null) {
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
    for (HashChunks.Case c : cases) {
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
