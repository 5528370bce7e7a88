package dev.patchbay;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The plugins of one extension point, listed by metadata and created by name.
 *
 * <p>Listing names or metadata loads no plugin class; creating a plugin loads only its class.
 * Every {@code create} call returns a new instance.
 *
 * @param <T> the extension point type
 */
public interface Registry<T> {

  /**
   * The extension point this registry serves.
   *
   * @return the extension point's class
   */
  Class<T> type();

  /**
   * The primary names of all plugins, sorted; aliases are not listed.
   *
   * @return an unmodifiable sorted set of names
   */
  SortedSet<String> names();

  /**
   * Tells whether a plugin answers to {@code name}, as primary name or alias.
   *
   * @param name the name to look up
   * @return true when {@link #create(String)} would find a plugin
   */
  boolean contains(String name);

  /**
   * Creates a new instance of the plugin registered under {@code name} or an alias of it.
   *
   * @param name a primary name or alias
   * @return a new plugin instance
   * @throws UnknownPluginException when no plugin answers to {@code name}
   */
  T create(String name);

  /**
   * Creates the plugin registered under {@code name}, or returns empty when there is none.
   *
   * @param name a primary name or alias
   * @return a new plugin instance, or empty
   */
  Optional<T> find(String name);

  /**
   * Metadata of every plugin, by descending priority, then name.
   *
   * @return an unmodifiable list of plugin metadata
   */
  List<PluginInfo> plugins();

  /**
   * Creates one new instance of every plugin, in the order of {@link #plugins()}.
   *
   * @return a new list of new plugin instances
   */
  List<T> createAll();

  /**
   * Creates the plugin registered under {@code name}, passing {@code arguments} to the
   * constructor its extension point requires ({@link RequireConstructor}); the required
   * constructor is picked by the number and types of the arguments.
   *
   * <p>This is how code written against {@code Registry<T>} creates plugins of an extension point
   * whose plugins take constructor arguments: there, {@link #create(String)}, {@link #find(String)}
   * and {@link #createAll()} throw {@link UnsupportedOperationException} naming the typed factory
   * of the generated registry. With no arguments this is {@link #create(String)}.
   *
   * @param name a primary name or alias
   * @param arguments the constructor arguments, in order
   * @return a new plugin instance
   * @throws UnknownPluginException when no plugin answers to {@code name}
   * @throws IllegalArgumentException when no required constructor accepts {@code arguments}
   */
  default T createWith(String name, Object... arguments) {
    if (arguments.length == 0) {
      return create(name);
    }
    throw new IllegalArgumentException(type().getName() + " requires no constructor arguments,"
        + " but " + arguments.length + " were given: call create(name) instead");
  }
}
