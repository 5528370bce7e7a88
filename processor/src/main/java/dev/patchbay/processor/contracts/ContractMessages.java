package dev.patchbay.processor.contracts;

/**
 * Every message the contract checks print, as {@link String#format} templates that tests and
 * {@code docs/diagnostics.md} refer to by name.
 *
 * <p>Errors about a class are anchored on the class; a near-miss member gets an extra NOTE of its
 * own, so both the rule and the line to change are one click away.
 */
public final class ContractMessages {
  private ContractMessages() {}

  // ---- Unmet requirements (errors on the class) ----------------------------------------------

  /** Args: class, required signature, rule origin. No method of that name, nothing close. */
  public static final String METHOD_MISSING =
      "%1$s does not declare %2$s, which %3$s requires. Declare this method in %1$s itself"
          + " (inherited methods do not count).";

  /** Args: class, required signature, rule origin, what was found instead. */
  public static final String METHOD_MISMATCH =
      "%1$s does not declare %2$s, which %3$s requires. Found instead: %4$s."
          + " Change the method to the required signature.";

  /** Args: class, required signature, rule origin, found method, required name. */
  public static final String METHOD_NEAR_MISS =
      "%1$s does not declare %2$s, which %3$s requires. Found %4$s: did you mean '%5$s'?"
          + " Rename it to '%5$s'.";

  /** Args: class, required constructor, rule origin. */
  public static final String CONSTRUCTOR_MISSING =
      "%1$s does not declare %2$s, which %3$s requires. Add this constructor to %1$s.";

  /** Args: class, required constructor, rule origin, what was found instead. */
  public static final String CONSTRUCTOR_MISMATCH =
      "%1$s does not declare %2$s, which %3$s requires. Found instead: %4$s."
          + " Change a constructor to the required parameters, or add one.";

  /** Args: class, overridden method, extension point, declaration to add. */
  public static final String MUST_OVERRIDE_MISSING =
      "%1$s does not override %2$s, which @MustOverride on extension point %3$s requires of"
          + " every plugin (a default body or an interface's override does not count)."
          + " Add '@Override %4$s' to %1$s.";

  // ---- Notes on the near-miss member ----------------------------------------------------------

  /** Args: required signature, rule origin, what is wrong with this member. */
  public static final String NOTE_MISMATCH =
      "this does not satisfy %1$s, which %2$s requires: %3$s";

  /** Args: required name, rule origin, required signature. */
  public static final String NOTE_NEAR_MISS =
      "did you mean to name this '%1$s'? %2$s requires %3$s";

  // ---- Misuse of the rule annotations (errors where they are written) -------------------------

  /** Args: declaring type. Anchored on the {@code name} value. */
  public static final String BLANK_METHOD_NAME =
      "@RequireMethod on %s has a blank name. Give the name of the method every class must"
          + " declare, e.g. @RequireMethod(name = \"create\").";

  /** Args: name, declaring type. Anchored on the {@code name} value. */
  public static final String INVALID_METHOD_NAME =
      "@RequireMethod(name = \"%1$s\") on %2$s: '%1$s' is not a valid Java method name, so no"
          + " class could ever declare it. Use the method's plain name, e.g. \"process\".";

  /** Args: rule annotation, declaring type. Anchored on the {@code parameters} value. */
  public static final String ANY_NOT_ALONE =
      "@%1$s on %2$s mixes RequireMethod.Any with other parameter types. Any stands alone and"
          + " means \"any parameters\"; to require exact parameters, list only their types.";

  /** Args: declaring type. Anchored on the {@code parameters} value. */
  public static final String ANY_IN_CONSTRUCTOR =
      "@RequireConstructor on %s lists RequireMethod.Any, which no constructor can match."
          + " List the exact constructor parameter types, e.g. parameters = {String.class}.";

  /** Args: rule annotation, annotation type, annotation type again, its simple name. */
  public static final String RULE_ON_NON_CONTRACT_ANNOTATION =
      "@%1$s on annotation type %2$s has no effect because %3$s is not marked @Contract."
          + " Add @Contract to %3$s so the rule applies to every class carrying @%4$s.";

  /** Args: rule annotation, type, type again. */
  public static final String RULE_ON_PLAIN_TYPE =
      "@%1$s on %2$s has no effect: %3$s is neither an @ExtensionPoint nor a @Contract"
          + " annotation type. Add @ExtensionPoint to %3$s, or move the rule onto a @Contract"
          + " annotation.";

  /** Args: annotation type, its current targets. Anchored on {@code @Target}. */
  public static final String CONTRACT_TARGET_EXCLUDES_TYPES =
      "@Contract annotation %1$s cannot be placed on classes: its @Target(%2$s) lacks"
          + " ElementType.TYPE, so the contract could never apply. Add ElementType.TYPE to its"
          + " @Target.";

  /** Args: annotation type. A WARNING: the contract checks nothing. */
  public static final String CONTRACT_WITHOUT_RULES =
      "@Contract annotation %s declares no @RequireMethod or @RequireConstructor, so it checks"
          + " nothing. Add a rule to it, or remove @Contract.";

  /** Args: type, method, modifier. Anchored on the method. */
  public static final String MUST_OVERRIDE_NOT_OVERRIDABLE =
      "@MustOverride on %1$s.%2$s can never be satisfied: a %3$s method cannot be overridden."
          + " Remove '%3$s' from %2$s, or remove @MustOverride.";

  /** Args: type, method, type again. Anchored on the method. */
  public static final String MUST_OVERRIDE_OUTSIDE_EXTENSION_POINT =
      "@MustOverride on %1$s.%2$s has no effect: %3$s is not an @ExtensionPoint."
          + " Add @ExtensionPoint to %3$s, or remove @MustOverride.";

  // ---- Registration and modules ---------------------------------------------------------------

  /** Args: class, extension point, class again. A WARNING, suppressible. */
  public static final String NOT_REGISTERED =
      "%1$s implements %2$s but is not registered: add @Plugin to %3$s, or suppress with"
          + " @SuppressWarnings(\"patchbay\") if it is not meant to be a plugin.";

  /** Args: module, service, the complete line to add. Anchored on the module. */
  public static final String MODULE_MISSING_PROVIDES =
      "module %1$s does not provide %2$s, so ServiceLoader and Registries.of cannot see its"
          + " plugins once it runs as a named module. Add this line to module-info.java: %3$s";

  /** Args: module, the complete line. The generated index's name changes with the classes. */
  public static final String MODULE_MISSING_INDEX_PROVIDES =
      "module %1$s does not provide the plugin index generated for it, so Registries.of cannot"
          + " find its plugins once it runs as a named module. Add this line to module-info.java,"
          + " replacing any older 'provides dev.patchbay.spi.PluginIndex' line (the index keeps"
          + " this name as plugins come and go): %2$s";

  /** Args: module, service, missing implementations, the complete corrected line. */
  public static final String MODULE_INCOMPLETE_PROVIDES =
      "module %1$s provides %2$s but leaves out %3$s, so ServiceLoader cannot see them once it"
          + " runs as a named module. Change the line in module-info.java to: %4$s";

  /** The {@code @SuppressWarnings} key that silences Patchbay's warnings. */
  public static final String SUPPRESSION_KEY = "patchbay";
}
