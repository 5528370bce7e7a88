package dev.patchbay.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One {@code @RequireConstructor(parameters = ...)} rule of an extension point, which becomes the
 * typed {@code create(String name, A a, B b)} overload of its registry.
 *
 * @param parameters the constructor's parameters, in order
 */
public record RequiredConstructor(List<Parameter> parameters) {

  /** Copies the list. */
  public RequiredConstructor {
    parameters = List.copyOf(parameters);
  }

  /**
   * Whether some parameter type is a generic class written raw (as {@code List.class} is), so
   * generated methods must suppress raw-type warnings.
   *
   * @return true when a parameter type is raw
   */
  public boolean hasRawTypes() {
    return parameters.stream().anyMatch(Parameter::raw);
  }

  /**
   * The erased parameter types, comma-separated, to match a plugin's constructor (see
   * {@link PluginModel#genericConstructors()}).
   *
   * @return for example {@code "java.util.List,int"}
   */
  public String erasedSignature() {
    return parameters.stream().map(p -> p.type().toString()).collect(Collectors.joining(","));
  }

  /**
   * The parameter list as Java, for messages: {@code "(Config, int)"}.
   *
   * @return the simple type names in parentheses
   */
  public String describe() {
    return parameters.stream().map(Parameter::simpleType).collect(Collectors.joining(", ", "(", ")"));
  }
}
