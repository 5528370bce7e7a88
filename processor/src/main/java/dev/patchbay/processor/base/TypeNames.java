package dev.patchbay.processor.base;

import dev.patchbay.Contract;
import dev.patchbay.ExtensionPoint;
import dev.patchbay.MustOverride;
import dev.patchbay.Plugin;
import dev.patchbay.RequireConstructor;
import dev.patchbay.RequireMethod;
import java.util.Set;

/**
 * Every name the processor looks for or writes, spelled once: Patchbay's annotations, the JDK
 * annotations it reads, and the names of what it generates.
 *
 * <p>Annotations are matched by name on mirrors, never through {@code getAnnotation}, so that
 * annotations read from class files of other jars behave exactly like those in sources.
 */
public final class TypeNames {
  private TypeNames() {}

  /** {@code @ExtensionPoint}. */
  public static final String EXTENSION_POINT = ExtensionPoint.class.getCanonicalName();
  /** {@code @Plugin}. */
  public static final String PLUGIN = Plugin.class.getCanonicalName();
  /** {@code @Contract}, on users' contract annotation types. */
  public static final String CONTRACT = Contract.class.getCanonicalName();
  /** {@code @MustOverride}. */
  public static final String MUST_OVERRIDE = MustOverride.class.getCanonicalName();
  /** {@code @RequireMethod}. */
  public static final String REQUIRE_METHOD = RequireMethod.class.getCanonicalName();
  /** The container of repeated {@code @RequireMethod}s. */
  public static final String REQUIRE_METHOD_LIST = RequireMethod.List.class.getCanonicalName();
  /** {@code @RequireConstructor}. */
  public static final String REQUIRE_CONSTRUCTOR = RequireConstructor.class.getCanonicalName();
  /** The container of repeated {@code @RequireConstructor}s. */
  public static final String REQUIRE_CONSTRUCTOR_LIST =
      RequireConstructor.List.class.getCanonicalName();
  /** {@code RequireMethod.Any}, the "any parameters / any return type" marker. */
  public static final String ANY = RequireMethod.Any.class.getCanonicalName();

  /** Every annotation of the annotations module (not "dev.patchbay.*": users' packages share it). */
  public static final Set<String> OWN_ANNOTATIONS = Set.of(EXTENSION_POINT, PLUGIN, CONTRACT,
      MUST_OVERRIDE, REQUIRE_METHOD, REQUIRE_METHOD_LIST, REQUIRE_CONSTRUCTOR,
      REQUIRE_CONSTRUCTOR_LIST);

  /** {@code @Generated}, which generated classes carry. */
  public static final String GENERATED = "javax.annotation.processing.Generated";
  /** {@code @Target}, read on contract annotation types. */
  public static final String TARGET = "java.lang.annotation.Target";
  /** {@code @SuppressWarnings}, read to silence warnings. */
  public static final String SUPPRESS_WARNINGS = "java.lang.SuppressWarnings";
  /** The {@code @SuppressWarnings} key that silences Patchbay's warnings. */
  public static final String SUPPRESSION_KEY = "patchbay";

  /** The value of {@code @Generated} on generated classes: the processor's class name. */
  public static final String GENERATOR = "dev.patchbay.processor.PatchbayProcessor";
  /** The service interface of generated plugin indexes. */
  public static final String PLUGIN_INDEX = "dev.patchbay.spi.PluginIndex";
  /** The directory of service files, relative to the class output. */
  public static final String SERVICES_DIRECTORY = "META-INF/services/";
  /** The simple name a registry gets when {@code @ExtensionPoint(registry)} is empty: X + this. */
  public static final String REGISTRY_SUFFIX = "Registry";
}
