package dev.patchbay.processor.validation;

import java.util.Locale;

/**
 * Every message the processor prints, one constant per message: its name is the id that
 * {@code docs/diagnostics.md} documents (with a failing example and the fix), its template the
 * exact text, formatted with {@link Locale#ROOT} so messages read the same on every machine.
 *
 * <p>Tests format the same constants to assert the exact text. Every message says the rule, the
 * names involved and the fix. Errors about a contract rule are anchored on the class that breaks
 * it; a near-miss member gets an extra NOTE of its own, so both the rule and the line to change
 * are one click away.
 */
public enum Message {
  // ---- Extension points and plugins -------------------------------------------------------------

  /** {@code @ExtensionPoint} on an enum, record, annotation type or concrete class. Args: type, kind. */
  EXTENSION_POINT_WRONG_KIND(
      "@ExtensionPoint goes only on an interface or an abstract class, but %s is %s."
          + " Make it a public interface or a public abstract class, or remove @ExtensionPoint."),

  /** A non-public extension point or enclosing class. Args: extension point, non-public type. */
  EXTENSION_POINT_NOT_PUBLIC(
      "@ExtensionPoint %s must be public, and so must every class enclosing it, so that plugins"
          + " and the generated registry can use it; %s is not. Declare it public."),

  /** A nested abstract class that is not static. Args: extension point. */
  EXTENSION_POINT_INNER_CLASS(
      "@ExtensionPoint %s is an inner class, so plugins could only extend it with an enclosing"
          + " instance. Did you mean to make it static?"),

  /** {@code registry()} that is no Java identifier. Args: value, extension point, suggestion. */
  EXTENSION_POINT_REGISTRY_NOT_IDENTIFIER(
      "@ExtensionPoint(registry = \"%s\") on %s is not a valid Java class name. Use a simple"
          + " identifier such as \"%s\", or leave registry() empty for the default name."),

  /** The registry's name is taken. Args: extension point, registry, existing owner, suggestion. */
  EXTENSION_POINT_REGISTRY_CLASH(
      "@ExtensionPoint %s would generate the registry class %s, but that name is already taken"
          + " by %s. Choose another name with @ExtensionPoint(registry = \"%s\")."),

  /** {@code @Plugin} on an interface, enum or annotation type. Args: type, kind. */
  PLUGIN_WRONG_KIND(
      "@Plugin goes only on a concrete class, but %s is %s. Put @Plugin on a public class that"
          + " implements the extension point."),

  /** An abstract plugin class. Args: plugin. */
  PLUGIN_ABSTRACT(
      "@Plugin class %s is abstract, so the registry cannot create it. Remove 'abstract', or move"
          + " @Plugin to a concrete subclass."),

  /** A plugin that is, or is nested in, a non-public class. Args: plugin, non-public type. */
  PLUGIN_NOT_PUBLIC(
      "@Plugin class %s must be public, and so must every class enclosing it, so that the"
          + " generated registry and ServiceLoader can create it; %s is not. Declare it public."),

  /** A non-static nested plugin class. Args: plugin. */
  PLUGIN_INNER_CLASS(
      "@Plugin class %s is an inner class, which cannot be created without an instance of its"
          + " enclosing class. Did you mean to make it static?"),

  /** A plugin of no extension point. Args: plugin, its supertypes, simple name. */
  PLUGIN_NO_EXTENSION_POINT(
      "@Plugin class %s implements or extends no @ExtensionPoint type (its supertypes: %s)."
          + " Annotate the interface or abstract class it implements with @ExtensionPoint, or make"
          + " %s implement an extension point."),

  /** Neither public no-arg constructor nor provider method. Args: plugin, extension point type, extension points. */
  PLUGIN_NO_FACTORY(
      "@Plugin class %s needs a public no-argument constructor or a"
          + " 'public static %s provider()' method, so that the registry of %s and ServiceLoader"
          + " can create it. Add one of them."),

  /** Appended to {@link #PLUGIN_NO_FACTORY} when a static method is named almost "provider". Args: method. */
  DID_YOU_MEAN_PROVIDER(
      " Did you mean to name %s() 'provider'?"),

  /** A no-arg constructor that is not public. Args: plugin, its access. */
  PLUGIN_CONSTRUCTOR_NOT_PUBLIC(
      "The no-argument constructor of @Plugin class %s is %s, so the registry and ServiceLoader"
          + " cannot call it. Make it public."),

  /** {@code provider()} that is not public static. Args: plugin, its signature. */
  PLUGIN_PROVIDER_NOT_PUBLIC_STATIC(
      "provider() in @Plugin class %s must be 'public static' to create the plugin, as"
          + " ServiceLoader requires, but it is declared '%s'. Add the missing modifiers, or add a"
          + " public no-argument constructor and rename the method."),

  /** {@code provider()} returning an unrelated type. Args: plugin, return type, extension point. */
  PLUGIN_PROVIDER_WRONG_TYPE(
      "provider() in @Plugin class %s returns %s, which is not %s or a subtype of it, so it"
          + " cannot create the plugin. Change its return type."),

  /** A blank name or alias. Args: "name" or "alias", plugin. */
  PLUGIN_NAME_BLANK(
      "The %s of @Plugin class %s is blank; plugin names and aliases must be non-blank. Write a"
          + " name, or remove the empty entry (an empty value() means the class's simple name)."),

  /** A name with whitespace. Args: "name" or "alias", value, plugin, suggestion. */
  PLUGIN_NAME_WHITESPACE(
      "The %s \"%s\" of @Plugin class %s contains whitespace; plugin names and aliases cannot,"
          + " because they are looked up as single words. Did you mean \"%s\"?"),

  /** The same name twice in one {@code @Plugin}. Args: plugin, name. */
  PLUGIN_REPEATED_NAME(
      "@Plugin class %s lists \"%s\" more than once among its name and aliases. Remove the"
          + " repeated entry."),

  /** A name, alias or description with a lone UTF-16 surrogate. Args: role, value (escaped), plugin, code unit, index. */
  PLUGIN_NAME_UNPAIRED_SURROGATE(
      "The %s \"%s\" of @Plugin class %s contains the unpaired UTF-16 surrogate \\u%04X at"
          + " index %d. No class file or service file can store it (it would turn into '?', and"
          + " the plugin could not be found by that name). Remove it, or write the complete"
          + " character (both halves of the surrogate pair)."),

  /** Metadata longer than one class-file string constant. Args: plugin, role, its bytes, total bytes, limit. */
  PLUGIN_METADATA_TOO_LONG(
      "The %s of @Plugin class %s takes %,d bytes in the class file's encoding (modified UTF-8),"
          + " so its registry entry (name, description, class and aliases) needs %,d bytes in one"
          + " string constant, but a class file allows at most %,d. Shorten it."),

  /** A plugin in the unnamed package joining an extension point of a named package. Args: plugin, extension point, registry, simple name. */
  PLUGIN_IN_UNNAMED_PACKAGE(
      "@Plugin class %s is in the unnamed package, but it joins extension point %s, whose"
          + " registry %s lives in a named package, and code in a named package cannot refer to a"
          + " class of the unnamed package. Move %s into a package."),

  /** A plugin a generated class can neither import nor qualify. Args: plugin, generated class, package, first part, what it means there, simple name, what that means there. */
  PACKAGE_HIDDEN_BY_TYPE(
      "@Plugin class %s cannot be named in the generated class %s: its package %s starts with %s,"
          + " which there means %s, so a qualified name would mean that instead (Java prefers a"
          + " variable or class to a package of the same name); and an import is ruled out too,"
          + " since %s there already names %s. Rename the package (package names are lower case"
          + " by convention) or the class."),

  /** An extension point from the class path whose registry() is no identifier. Args: plugin, extension point, registry, extension point. */
  FOREIGN_EXTENSION_POINT_INVALID_REGISTRY(
      "@Plugin class %s joins extension point %s from the class path, whose"
          + " @ExtensionPoint(registry = \"%s\") is not a valid Java class name; it was compiled"
          + " without the Patchbay processor, which rejects that. Fix registry() in %s and compile"
          + " it with the processor."),

  /** Two plugins share a name. Args: name, extension point, first class, second class. */
  PLUGIN_DUPLICATE_NAME(
      "The name \"%s\" is registered twice for extension point %s: by %s and by %s. Names and"
          + " aliases must be unique per extension point; rename one of them in its @Plugin"
          + " annotation."),

  /** Types that never resolved. Args: annotation, class, unresolved types. */
  UNRESOLVED_TYPES(
      "@%s class %s could not be checked or registered because it refers to types that do not"
          + " exist: %s. Fix or import those types (see the other errors) and compile again."),

  /** Appended to {@link #UNRESOLVED_TYPES} when a missing name is close to a known extension point. Args: name, known. */
  DID_YOU_MEAN_TYPE(
      " Did you mean %s instead of %s?"),

  /** A plugin or extension point generated after the registries. Args: annotation, class, round. */
  LATE_ELEMENT(
      "@%s class %s appeared in annotation processing round %d, after Patchbay had written this"
          + " compilation's registries and plugin index, so it cannot join them. Write it by hand,"
          + " or compile it in a separate module."),

  /** A service file could not be written. Args: path, cause. */
  SERVICE_FILE_NOT_WRITTEN(
      "Patchbay could not write %s: %s. Another annotation processor (AutoService?) probably writes"
          + " the same file; register these plugins with only one of them."),

  /** A hand-written service entry that names no class. Args: path, entry. */
  SERVICE_ENTRY_UNKNOWN_CLASS(
      "%s in the class output lists %s, which Patchbay did not write and which is no class of"
          + " this compilation or its class path; ServiceLoader will fail on it. Remove the line"
          + " from the hand-written service file (under src/main/resources) or restore the class."),

  /** The compiler refused to regenerate a class of the earlier output. Args: class, cause. */
  EARLIER_OUTPUT_NOT_REPLACED(
      "Patchbay could not regenerate %1$s over the class of the same name that an earlier"
          + " compilation left in the class output: %2$s. The compiler had already read that class"
          + " (a source compiled now refers to it, for example through a static import). Delete"
          + " %1$s from the class output, or rebuild from clean."),

  /** The generation state in the class output could not be written. Args: path, cause. */
  STATE_NOT_WRITTEN(
      "Patchbay could not write %s: %s. The next compilation into this directory cannot tell which"
          + " plugins it registered before; rebuild from clean if registries lose plugins."),

  /** The plugin listing beside the index could not be written. Args: path, cause. */
  LISTING_NOT_WRITTEN(
      "Patchbay could not write %s: %s. Plugin folders list a jar from this file without loading"
          + " it, so an earlier copy left in the output would no longer match the plugin index;"
          + " make the class output writable and rebuild from clean."),

  /** The note {@code -Apatchbay.debug=true} prints per plugin. Args: name, plugin, extension point, aliases, priority. */
  DEBUG_REGISTERED(
      "Patchbay registered plugin \"%s\" (%s) in the registry of %s; aliases: %s; priority: %d"),

  // ---- Contracts: unmet requirements (errors on the class) --------------------------------------

  /** Args: class, required signature, rule origin. No method of that name, nothing close. */
  METHOD_MISSING(
      "%1$s does not declare %2$s, which %3$s requires. Declare this method in %1$s itself"
          + " (inherited methods do not count)."),

  /** Args: class, required signature, rule origin, what was found instead. */
  METHOD_MISMATCH(
      "%1$s does not declare %2$s, which %3$s requires. Found instead: %4$s."
          + " Change the method to the required signature."),

  /** Args: class, required signature, rule origin, found method, required name. */
  METHOD_NEAR_MISS(
      "%1$s does not declare %2$s, which %3$s requires. Found %4$s: did you mean '%5$s'?"
          + " Rename it to '%5$s'."),

  /** Args: class, required constructor, rule origin. */
  CONSTRUCTOR_MISSING(
      "%1$s does not declare %2$s, which %3$s requires. Add this constructor to %1$s."),

  /** Args: class, required constructor, rule origin, what was found instead. */
  CONSTRUCTOR_MISMATCH(
      "%1$s does not declare %2$s, which %3$s requires. Found instead: %4$s."
          + " Change a constructor to the required parameters, or add one."),

  /** Args: class, overridden method, extension point, declaration to add. */
  MUST_OVERRIDE_MISSING(
      "%1$s does not override %2$s, which @MustOverride on extension point %3$s requires of"
          + " every plugin (a default body or an interface's override does not count)."
          + " Add '@Override %4$s' to %1$s."),

  // ---- Contracts: notes on the near-miss member -------------------------------------------------

  /** Args: required signature, rule origin, what is wrong with this member. */
  NOTE_MISMATCH(
      "this does not satisfy %1$s, which %2$s requires: %3$s"),

  /** Args: required name, rule origin, required signature. */
  NOTE_NEAR_MISS(
      "did you mean to name this '%1$s'? %2$s requires %3$s"),

  // ---- Contracts: misuse of the rule annotations (errors where they are written) ----------------

  /** Args: declaring type. Anchored on the {@code name} value. */
  BLANK_METHOD_NAME(
      "@RequireMethod on %s has a blank name. Give the name of the method every class must"
          + " declare, e.g. @RequireMethod(name = \"create\")."),

  /** Args: name, declaring type. Anchored on the {@code name} value. */
  INVALID_METHOD_NAME(
      "@RequireMethod(name = \"%1$s\") on %2$s: '%1$s' is not a valid Java method name, so no"
          + " class could ever declare it. Use the method's plain name, e.g. \"process\"."),

  /** Args: rule annotation, declaring type. Anchored on the {@code parameters} value. */
  ANY_NOT_ALONE(
      "@%1$s on %2$s mixes RequireMethod.Any with other parameter types. Any stands alone and"
          + " means \"any parameters\"; to require exact parameters, list only their types."),

  /** Args: declaring type. Anchored on the {@code parameters} value. */
  ANY_IN_CONSTRUCTOR(
      "@RequireConstructor on %s lists RequireMethod.Any, which no constructor can match."
          + " List the exact constructor parameter types, e.g. parameters = {String.class}."),

  /** Args: rule annotation, annotation type, annotation type again, its simple name. */
  RULE_ON_NON_CONTRACT_ANNOTATION(
      "@%1$s on annotation type %2$s has no effect because %3$s is not marked @Contract."
          + " Add @Contract to %3$s so the rule applies to every class carrying @%4$s."),

  /** Args: rule annotation, type, type again. */
  RULE_ON_PLAIN_TYPE(
      "@%1$s on %2$s has no effect: %3$s is neither an @ExtensionPoint nor a @Contract"
          + " annotation type. Add @ExtensionPoint to %3$s, or move the rule onto a @Contract"
          + " annotation."),

  /** Args: annotation type, its current targets. Anchored on {@code @Target}. */
  CONTRACT_TARGET_EXCLUDES_TYPES(
      "@Contract annotation %1$s cannot be placed on classes: its @Target(%2$s) lacks"
          + " ElementType.TYPE, so the contract could never apply. Add ElementType.TYPE to its"
          + " @Target."),

  /** Args: annotation type. A WARNING: the contract checks nothing. */
  CONTRACT_WITHOUT_RULES(
      "@Contract annotation %s declares no @RequireMethod or @RequireConstructor, so it checks"
          + " nothing. Add a rule to it, or remove @Contract."),

  /** Args: type, method, modifier. Anchored on the method. */
  MUST_OVERRIDE_NOT_OVERRIDABLE(
      "@MustOverride on %1$s.%2$s can never be satisfied: a %3$s method cannot be overridden."
          + " Remove '%3$s' from %2$s, or remove @MustOverride."),

  /** Args: type, method, type again. Anchored on the method. */
  MUST_OVERRIDE_OUTSIDE_EXTENSION_POINT(
      "@MustOverride on %1$s.%2$s has no effect: %3$s is not an @ExtensionPoint."
          + " Add @ExtensionPoint to %3$s, or remove @MustOverride."),

  // ---- Contracts: registration and modules ------------------------------------------------------

  /** Args: class, extension point, class again. A WARNING, suppressible. */
  NOT_REGISTERED(
      "%1$s implements %2$s but is not registered: add @Plugin to %3$s, or suppress with"
          + " @SuppressWarnings(\"patchbay\") if it is not meant to be a plugin."),

  /** Args: module, service, the complete line to add. Anchored on the module. */
  MODULE_MISSING_PROVIDES(
      "module %1$s does not provide %2$s, so ServiceLoader and Registries.of cannot see its"
          + " plugins once it runs as a named module. Add this line to module-info.java: %3$s"),

  /** Args: module, the complete line. The generated index's name changes with the classes. */
  MODULE_MISSING_INDEX_PROVIDES(
      "module %1$s does not provide the plugin index generated for it, so Registries.of cannot"
          + " find its plugins once it runs as a named module. Add this line to module-info.java,"
          + " replacing any older 'provides dev.patchbay.spi.PluginIndex' line (the index keeps"
          + " this name as plugins come and go): %2$s"),

  /** Args: module, service, missing implementations, the complete corrected line. */
  MODULE_INCOMPLETE_PROVIDES(
      "module %1$s provides %2$s but leaves out %3$s, so ServiceLoader cannot see them once it"
          + " runs as a named module. Change the line in module-info.java to: %4$s");

  private final String template;

  Message(String template) {
    this.template = template;
  }

  /**
   * The {@link String#format} template.
   *
   * @return the template, with its {@code %} placeholders
   */
  public String template() {
    return template;
  }

  /**
   * Formats this message with {@link Locale#ROOT}.
   *
   * @param arguments the template's arguments, as its javadoc lists them
   * @return the message text
   */
  public String format(Object... arguments) {
    return String.format(Locale.ROOT, template, arguments);
  }
}
