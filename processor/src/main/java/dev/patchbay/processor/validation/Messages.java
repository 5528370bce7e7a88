package dev.patchbay.processor.validation;

import java.util.Locale;

/**
 * Every message the extension-point and plugin checks print, as {@link String#format} templates.
 *
 * <p>Tests format the same constants to assert the exact text, and {@code docs/diagnostics.md}
 * lists each one with a failing example. Every message says the rule, the names involved and the
 * fix.
 */
public final class Messages {
  private Messages() {}

  /** {@code @ExtensionPoint} on an enum, record, annotation type or concrete class. Args: type, kind. */
  public static final String EXTENSION_POINT_WRONG_KIND =
      "@ExtensionPoint goes only on an interface or an abstract class, but %s is %s."
          + " Make it a public interface or a public abstract class, or remove @ExtensionPoint.";

  /** A non-public extension point or enclosing class. Args: extension point, non-public type. */
  public static final String EXTENSION_POINT_NOT_PUBLIC =
      "@ExtensionPoint %s must be public, and so must every class enclosing it, so that plugins"
          + " and the generated registry can use it; %s is not. Declare it public.";

  /** A nested abstract class that is not static. Args: extension point. */
  public static final String EXTENSION_POINT_INNER_CLASS =
      "@ExtensionPoint %s is an inner class, so plugins could only extend it with an enclosing"
          + " instance. Did you mean to make it static?";

  /** {@code registry()} that is no Java identifier. Args: value, extension point, suggestion. */
  public static final String EXTENSION_POINT_REGISTRY_NOT_IDENTIFIER =
      "@ExtensionPoint(registry = \"%s\") on %s is not a valid Java class name. Use a simple"
          + " identifier such as \"%s\", or leave registry() empty for the default name.";

  /** The registry's name is taken. Args: extension point, registry, existing owner, suggestion. */
  public static final String EXTENSION_POINT_REGISTRY_CLASH =
      "@ExtensionPoint %s would generate the registry class %s, but that name is already taken"
          + " by %s. Choose another name with @ExtensionPoint(registry = \"%s\").";

  /** {@code @Plugin} on an interface, enum or annotation type. Args: type, kind. */
  public static final String PLUGIN_WRONG_KIND =
      "@Plugin goes only on a concrete class, but %s is %s. Put @Plugin on a public class that"
          + " implements the extension point.";

  /** An abstract plugin class. Args: plugin. */
  public static final String PLUGIN_ABSTRACT =
      "@Plugin class %s is abstract, so the registry cannot create it. Remove 'abstract', or move"
          + " @Plugin to a concrete subclass.";

  /** A plugin that is, or is nested in, a non-public class. Args: plugin, non-public type. */
  public static final String PLUGIN_NOT_PUBLIC =
      "@Plugin class %s must be public, and so must every class enclosing it, so that the"
          + " generated registry and ServiceLoader can create it; %s is not. Declare it public.";

  /** A non-static nested plugin class. Args: plugin. */
  public static final String PLUGIN_INNER_CLASS =
      "@Plugin class %s is an inner class, which cannot be created without an instance of its"
          + " enclosing class. Did you mean to make it static?";

  /** A plugin of no extension point. Args: plugin, its supertypes, simple name. */
  public static final String PLUGIN_NO_EXTENSION_POINT =
      "@Plugin class %s implements or extends no @ExtensionPoint type (its supertypes: %s)."
          + " Annotate the interface or abstract class it implements with @ExtensionPoint, or make"
          + " %s implement an extension point.";

  /** Neither public no-arg constructor nor provider method. Args: plugin, extension point type, extension points. */
  public static final String PLUGIN_NO_FACTORY =
      "@Plugin class %s needs a public no-argument constructor or a"
          + " 'public static %s provider()' method, so that the registry of %s and ServiceLoader"
          + " can create it. Add one of them.";

  /** Appended to {@link #PLUGIN_NO_FACTORY} when a static method is named almost "provider". Args: method. */
  public static final String DID_YOU_MEAN_PROVIDER = " Did you mean to name %s() 'provider'?";

  /** A no-arg constructor that is not public. Args: plugin, its access. */
  public static final String PLUGIN_CONSTRUCTOR_NOT_PUBLIC =
      "The no-argument constructor of @Plugin class %s is %s, so the registry and ServiceLoader"
          + " cannot call it. Make it public.";

  /** {@code provider()} that is not public static. Args: plugin, its signature. */
  public static final String PLUGIN_PROVIDER_NOT_PUBLIC_STATIC =
      "provider() in @Plugin class %s must be 'public static' to create the plugin, as"
          + " ServiceLoader requires, but it is declared '%s'. Add the missing modifiers, or add a"
          + " public no-argument constructor and rename the method.";

  /** {@code provider()} returning an unrelated type. Args: plugin, return type, extension point. */
  public static final String PLUGIN_PROVIDER_WRONG_TYPE =
      "provider() in @Plugin class %s returns %s, which is not %s or a subtype of it, so it"
          + " cannot create the plugin. Change its return type.";

  /** A blank name or alias. Args: "name" or "alias", plugin. */
  public static final String PLUGIN_NAME_BLANK =
      "The %s of @Plugin class %s is blank; plugin names and aliases must be non-blank. Write a"
          + " name, or remove the empty entry (an empty value() means the class's simple name).";

  /** A name with whitespace. Args: "name" or "alias", value, plugin, suggestion. */
  public static final String PLUGIN_NAME_WHITESPACE =
      "The %s \"%s\" of @Plugin class %s contains whitespace; plugin names and aliases cannot,"
          + " because they are looked up as single words. Did you mean \"%s\"?";

  /** The same name twice in one {@code @Plugin}. Args: plugin, name. */
  public static final String PLUGIN_REPEATED_NAME =
      "@Plugin class %s lists \"%s\" more than once among its name and aliases. Remove the"
          + " repeated entry.";

  /** A name, alias or description with a lone UTF-16 surrogate. Args: role, value (escaped), plugin, code unit, index. */
  public static final String PLUGIN_NAME_UNPAIRED_SURROGATE =
      "The %s \"%s\" of @Plugin class %s contains the unpaired UTF-16 surrogate \\u%04X at"
          + " index %d. No class file or service file can store it (it would turn into '?', and"
          + " the plugin could not be found by that name). Remove it, or write the complete"
          + " character (both halves of the surrogate pair).";

  /** Metadata longer than one class-file string constant. Args: plugin, role, its bytes, total bytes, limit. */
  public static final String PLUGIN_METADATA_TOO_LONG =
      "The %s of @Plugin class %s takes %,d bytes in the class file's encoding (modified UTF-8),"
          + " so its registry entry (name, description, class and aliases) needs %,d bytes in one"
          + " string constant, but a class file allows at most %,d. Shorten it.";

  /** A plugin in the unnamed package joining an extension point of a named package. Args: plugin, extension point, registry, simple name. */
  public static final String PLUGIN_IN_UNNAMED_PACKAGE =
      "@Plugin class %s is in the unnamed package, but it joins extension point %s, whose"
          + " registry %s lives in a named package, and code in a named package cannot refer to a"
          + " class of the unnamed package. Move %s into a package.";

  /** A plugin a generated class can neither import nor qualify. Args: plugin, generated class, package, first part, what it means there, simple name, what that means there. */
  public static final String PACKAGE_HIDDEN_BY_TYPE =
      "@Plugin class %s cannot be named in the generated class %s: its package %s starts with %s,"
          + " which there means %s, so a qualified name would mean that instead (Java prefers a"
          + " variable or class to a package of the same name); and an import is ruled out too,"
          + " since %s there already names %s. Rename the package (package names are lower case"
          + " by convention) or the class.";

  /** An extension point from the class path whose registry() is no identifier. Args: plugin, extension point, registry, extension point. */
  public static final String FOREIGN_EXTENSION_POINT_INVALID_REGISTRY =
      "@Plugin class %s joins extension point %s from the class path, whose"
          + " @ExtensionPoint(registry = \"%s\") is not a valid Java class name; it was compiled"
          + " without the Patchbay processor, which rejects that. Fix registry() in %s and compile"
          + " it with the processor.";

  /** Two plugins share a name. Args: name, extension point, first class, second class. */
  public static final String PLUGIN_DUPLICATE_NAME =
      "The name \"%s\" is registered twice for extension point %s: by %s and by %s. Names and"
          + " aliases must be unique per extension point; rename one of them in its @Plugin"
          + " annotation.";

  /** Types that never resolved. Args: annotation, class, unresolved types. */
  public static final String UNRESOLVED_TYPES =
      "@%s class %s could not be checked or registered because it refers to types that do not"
          + " exist: %s. Fix or import those types (see the other errors) and compile again.";

  /** Appended to {@link #UNRESOLVED_TYPES} when a missing name is close to a known extension point. Args: name, known. */
  public static final String DID_YOU_MEAN_TYPE = " Did you mean %s instead of %s?";

  /** A plugin or extension point generated after the registries. Args: annotation, class, round. */
  public static final String LATE_ELEMENT =
      "@%s class %s appeared in annotation processing round %d, after Patchbay had written this"
          + " compilation's registries and plugin index, so it cannot join them. Write it by hand,"
          + " or compile it in a separate module.";

  /** A service file could not be written. Args: path, cause. */
  public static final String SERVICE_FILE_NOT_WRITTEN =
      "Patchbay could not write %s: %s. Another annotation processor (AutoService?) probably writes"
          + " the same file; register these plugins with only one of them.";

  /** A hand-written service entry that names no class. Args: path, entry. */
  public static final String SERVICE_ENTRY_UNKNOWN_CLASS =
      "%s in the class output lists %s, which Patchbay did not write and which is no class of"
          + " this compilation or its class path; ServiceLoader will fail on it. Remove the line"
          + " from the hand-written service file (under src/main/resources) or restore the class.";

  /** The compiler refused to regenerate a class of the earlier output. Args: class, cause. */
  public static final String EARLIER_OUTPUT_NOT_REPLACED =
      "Patchbay could not regenerate %1$s over the class of the same name that an earlier"
          + " compilation left in the class output: %2$s. The compiler had already read that class"
          + " (a source compiled now refers to it, for example through a static import). Delete"
          + " %1$s from the class output, or rebuild from clean.";

  /** The generation state in the class output could not be written. Args: path, cause. */
  public static final String STATE_NOT_WRITTEN =
      "Patchbay could not write %s: %s. The next compilation into this directory cannot tell which"
          + " plugins it registered before; rebuild from clean if registries lose plugins.";

  /** The plugin listing beside the index could not be written. Args: path, the Filer's reason. */
  public static final String LISTING_NOT_WRITTEN =
      "Patchbay could not write %s: %s. Plugin folders list a jar from this file without loading"
          + " it, so an earlier copy left in the output would no longer match the plugin index;"
          + " make the class output writable and rebuild from clean.";

  /** The note {@code -Apatchbay.debug=true} prints per plugin. Args: name, plugin, extension point, aliases, priority. */
  public static final String DEBUG_REGISTERED =
      "Patchbay registered plugin \"%s\" (%s) in the registry of %s; aliases: %s; priority: %d";

  /**
   * Formats a template with {@link Locale#ROOT}, so messages read the same on every machine.
   *
   * @param template one of this class's constants
   * @param arguments the template's arguments
   * @return the message
   */
  public static String format(String template, Object... arguments) {
    return String.format(Locale.ROOT, template, arguments);
  }
}
