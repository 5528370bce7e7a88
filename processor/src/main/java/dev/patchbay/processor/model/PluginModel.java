package dev.patchbay.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code @Plugin} class as the generators need it.
 *
 * @param qualifiedName canonical name, used to look the element up again
 * @param binaryName binary name, what {@code PluginInfo.implementation()} reports
 * @param className the class as JavaPoet names it
 * @param generic whether the class declares type parameters (created with {@code new C<>()})
 * @param name the primary name: {@code @Plugin.value()}, or the simple class name
 * @param aliases further names, as written
 * @param description {@code @Plugin.description()}
 * @param priority {@code @Plugin.priority()}
 * @param hasProvider whether a usable {@code public static provider()} method exists; the
 *     registry then calls it rather than the constructor, as {@code ServiceLoader} does
 * @param hasPublicNoArgConstructor whether {@code ServiceLoader} could instantiate it on the
 *     class path (decides its {@code META-INF/services} entry)
 * @param genericConstructors the {@link RequiredConstructor#erasedSignature() erased signatures}
 *     of its public constructors with a parameterized or type-variable parameter type, which a
 *     raw argument reaches only through an unchecked conversion
 */
public record PluginModel(
    String qualifiedName,
    String binaryName,
    ClassName className,
    boolean generic,
    String name,
    List<String> aliases,
    String description,
    int priority,
    boolean hasProvider,
    boolean hasPublicNoArgConstructor,
    Set<String> genericConstructors) {

  /** Copies the collections. */
  public PluginModel {
    aliases = List.copyOf(aliases);
    // Sorted, so that the record prints the same in every JVM (its text is fingerprinted).
    genericConstructors = Collections.unmodifiableSet(new TreeSet<>(genericConstructors));
  }

  /**
   * The primary name followed by the aliases.
   *
   * @return every name the plugin answers to
   */
  public List<String> allNames() {
    List<String> names = new ArrayList<>(aliases.size() + 1);
    names.add(name);
    names.addAll(aliases);
    return names;
  }
}
