package dev.patchbay.processor.writing;

import static dev.patchbay.processor.writing.GeneratedTypes.UNKNOWN_PLUGIN;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.patchbay.processor.model.ExtensionPointModel;
import dev.patchbay.processor.model.Parameter;
import dev.patchbay.processor.model.RequiredConstructor;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code newInstanceWith(String, Object[])}, behind {@code createWith} and the index's
 * {@code create}: it picks the factory whose parameters match the arguments by count and type,
 * and otherwise says which arguments the extension point's plugins are created with.
 */
final class ArgumentDispatchWriter {
  private ArgumentDispatchWriter() {}

  /** Picks the factory whose parameters match {@code arguments} by count and type. */
  static MethodSpec newInstanceWith(ExtensionPointModel ep, String nameIndex) {
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
        condition.add(
            parameter.primitive()
                ? " && arguments[$L] instanceof $T"
                : " && (arguments[$L] == null || arguments[$L] instanceof $T)",
            parameter.primitive()
                ? new Object[] {i, parameter.checkType()}
                : new Object[] {i, i, parameter.checkType()});
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
}
