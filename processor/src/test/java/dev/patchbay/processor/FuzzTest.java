package dev.patchbay.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.JavaFileObjects;
import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.spi.PluginIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles generated projects of extension points and plugins, with names, packages and rules
 * drawn from pools that hold the awkward cases (names of {@code java.lang} types and of the
 * generated helpers, the unnamed package, {@code $} in packages, surrogates, whitespace,
 * duplicates, over-long texts, every {@code @RequireConstructor} shape), and checks:
 * <ul>
 *   <li>no internal error, and no error inside generated code;</li>
 *   <li>every error has a source file and a line;</li>
 *   <li>the generated sources and resources are byte-identical when the sources come in reverse
 *       order;</li>
 *   <li>a compilation without errors yields registries that load and agree with each other, the
 *       plugin index and the service files, and compiles without warnings.</li>
 * </ul>
 * A fixed list of seeds runs in every build. {@code -Dpatchbay.fuzz.cases=N} runs N further
 * seeds from {@code -Dpatchbay.fuzz.start} (default 1000), for a longer search.
 */
final class FuzzTest {
  /**
   * Seeds that run in every build: a few seconds. Besides the first, each of these once found a
   * defect (a package or nested helper name that hid a plugin, a class that could be neither
   * imported nor qualified), so they stay.
   */
  private static final long[] SEEDS = {1, 21, 2010, 5026, 5128, 5137, 7022, 7070};

  static Stream<Long> seeds() {
    long extra = Long.getLong("patchbay.fuzz.cases", 0);
    long start = Long.getLong("patchbay.fuzz.start", 1000);
    return Stream.concat(LongStream.of(SEEDS).boxed(), LongStream.range(start, start + extra).boxed());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedProject_meetsEveryOracle(long seed, @TempDir Path temp) throws Exception {
    ProjectGenerator generator = new ProjectGenerator(new Random(seed));
    List<JavaFileObject> sources = generator.generate();
    Path forwardDir = temp.resolve("forward");
    Javac.Result forward = Javac.compile(forwardDir, List.of(), sources);
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    Collections.reverse(reversed);
    Path backwardDir = temp.resolve("backward");
    Javac.Result backward = Javac.compile(backwardDir, List.of(), reversed);
    String context = "seed " + seed + "\n" + describe(forward) + "\n--- sources ---\n" + listing(sources);

    for (Diagnostic<? extends JavaFileObject> d : forward.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      assertFalse(message.contains("internal error"), () -> "internal error: " + context);
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        assertTrue(d.getSource() != null && d.getLineNumber() > 0, () -> "unpositioned error: " + context);
        assertFalse(d.getSource().toUri().getPath().contains("/generated/"),
            () -> "error in generated code: " + context);
      }
    }
    assertEquals(outputs(forwardDir), outputs(backwardDir), () -> "output depends on source order: " + context);
    assertEquals(errors(forward), errors(backward), () -> "errors depend on source order: " + context);

    // A project built without a deliberate mistake must compile, whatever its names.
    assertTrue(forward.success() || !generator.valid(), () -> "a valid project failed: " + context);
    if (forward.success()) {
      for (Diagnostic<? extends JavaFileObject> d : forward.diagnostics()) {
        if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
          fail("warning: " + d.getMessage(Locale.ROOT) + "\n" + context);
        }
      }
      checkRegistries(forwardDir.resolve("classes"), context);
    }
  }

  /** Every generated source and resource, by path under the output, as text. */
  private static Map<String, String> outputs(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (var walk = Files.walk(out)) {
      for (Path file : walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".class"))
          .toList()) {
        files.put(out.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }

  private static Set<String> errors(Javac.Result result) {
    return result.of(Diagnostic.Kind.ERROR).stream()
        .map(d -> (d.getSource() == null ? "-" : d.getSource().getName()) + ":" + d.getLineNumber()
            + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String describe(Javac.Result result) {
    return result.diagnostics().stream().map(Compilers::describe).collect(Collectors.joining("\n"));
  }

  private static String listing(List<JavaFileObject> sources) throws IOException {
    StringBuilder out = new StringBuilder();
    for (JavaFileObject source : sources) {
      String text = source.getCharContent(true).toString();
      out.append(text, 0, Math.min(text.length(), 600)).append('\n');
    }
    return out.toString();
  }

  /** Loads what a clean compilation wrote and checks that registry, index and service files agree. */
  private static void checkRegistries(Path classes, String context) throws Exception {
    try (DiskLoader loader = new DiskLoader(classes)) {
      checkRegistries(loader, context);
    }
  }

  private static void checkRegistries(DiskLoader loader, String context) throws Exception {
    String indexName = loader.resource("META-INF/services/" + PluginIndex.class.getName());
    assertTrue(indexName != null, () -> "no index: " + context);
    PluginIndex index = (PluginIndex) loader.loadClass(indexName.strip()).getConstructor().newInstance();
    for (String point : index.extensionPoints()) {
      List<PluginInfo> plugins = index.plugins(point);
      List<PluginInfo> sorted = new ArrayList<>(plugins);
      sorted.sort((a, b) -> a.priority() != b.priority()
          ? Integer.compare(b.priority(), a.priority()) : a.name().compareTo(b.name()));
      assertEquals(sorted, plugins, () -> "plugins() out of order for " + point + ": " + context);
      for (PluginInfo info : plugins) {
        assertEquals(point, info.extensionPoint(), context);
      }
      String registryClass = registryOf(loader, point);
      if (registryClass != null) {
        @SuppressWarnings("unchecked")
        Registry<Object> registry = (Registry<Object>) loader.loadClass(registryClass)
            .getMethod("registry").invoke(null);
        assertEquals(loader.loadClass(point), registry.type(), context);
        assertEquals(plugins, registry.plugins(), context);
        Set<String> names = plugins.stream().map(PluginInfo::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(List.copyOf(names), List.copyOf(registry.names()), context);
        boolean noArguments = noArgumentFactory(loader.loadClass(registryClass));
        for (PluginInfo info : plugins) {
          for (String name : allNames(info)) {
            assertTrue(registry.contains(name), () -> name + " missing: " + context);
            if (noArguments) {
              assertEquals(info.implementation(), registry.create(name).getClass().getName(), context);
            }
          }
        }
        if (noArguments) {
          assertEquals(plugins.size(), registry.createAll().size(), context);
          // The service file lists the plugins ServiceLoader can create: those with a public
          // no-argument constructor (a provider() alone does not count on the class path).
          Set<String> listed = new TreeSet<>();
          String file = loader.resource("META-INF/services/" + point);
          if (file != null) {
            listed.addAll(List.of(file.strip().split("\n")));
          }
          Set<String> creatable = new TreeSet<>();
          for (PluginInfo info : plugins) {
            try {
              loader.loadClass(info.implementation()).getConstructor();
              creatable.add(info.implementation());
            } catch (NoSuchMethodException e) {
              // provider() only
            }
          }
          assertEquals(creatable, listed, () -> "service file of " + point + ": " + context);
        }
      }
    }
  }

  private static boolean noArgumentFactory(Class<?> registry) {
    try {
      registry.getMethod("create", String.class);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static List<String> allNames(PluginInfo info) {
    List<String> names = new ArrayList<>(info.aliases());
    names.add(0, info.name());
    return names;
  }

  /** The registry generated for {@code point} in this compilation, or null (another jar's point). */
  private static String registryOf(DiskLoader loader, String point)
      throws ClassNotFoundException {
    Class<?> type = loader.loadClass(point);
    dev.patchbay.ExtensionPoint annotation = type.getAnnotation(dev.patchbay.ExtensionPoint.class);
    String simple = annotation.registry().isEmpty() ? type.getSimpleName() + "Registry" : annotation.registry();
    String pkg = type.getPackageName();
    return pkg.isEmpty() ? simple : pkg + "." + simple;
  }

  /** The compiled classes, and the resources (service files) beside them, as text. */
  private static final class DiskLoader extends Javac.Loader {
    private final Path classes;

    DiskLoader(Path classes) {
      super(classes);
      this.classes = classes;
    }

    String resource(String path) throws IOException {
      Path file = classes.resolve(path);
      return Files.exists(file) ? Files.readString(file) : null;
    }
  }

  /** Writes one random project: extension points, plugins, and same-package look-alike types. */
  private static final class ProjectGenerator {
    private static final List<String> PACKAGES = List.of("app", "app", "a.b", "x$y", "Metadata",
        "View.q", "", "", "String", "db");
    private static final List<String> TYPE_NAMES = List.of("Backend", "Codec", "String", "Object",
        "Override", "Class", "Metadata", "NameIndex", "View", "Chunk0", "Table0", "List",
        "Registry", "PluginInfo", "Integer", "Math", "Generated", "IllegalArgumentException",
        "Sqlite", "Caf\u00e9", "Plain", "Set", "Optional", "SuppressWarnings");
    private static final List<String> PLUGIN_NAMES = List.of("sqlite", "pg", "memory", "csv",
        "json", "na\u00efve", "smile\uD83D\uDE00", "String", "Metadata", "a-b", "x.y", "UPPER",
        "tab\\there", "quote\\\"d", "back\\\\slash");
    private static final List<String> RULES = List.of("", "", "{}", "java.lang.String.class",
        "java.lang.Object.class", "{int.class, java.lang.String.class}", "java.util.List.class",
        "{java.lang.String[].class}");

    private final Random random;
    /** Whether this project has no deliberate mistake (half of them): it must then compile. */
    private final boolean valid;
    private final List<JavaFileObject> sources = new ArrayList<>();
    private final Set<String> qualifiedNames = new HashSet<>();
    /** First identifiers of the extension points' packages, which a valid project's own classes avoid (they would obscure the package). */
    private final Set<String> packageRoots = new HashSet<>();

    ProjectGenerator(Random random) {
      this.random = random;
      this.valid = random.nextBoolean();
    }

    boolean valid() {
      return valid;
    }

    private <T> T pick(List<T> pool) {
      return pool.get(random.nextInt(pool.size()));
    }

    private String freshName(String pkg) {
      for (int attempt = 0; ; attempt++) {
        String name = attempt < 5 ? pick(TYPE_NAMES) : pick(TYPE_NAMES) + attempt;
        if (valid && packageRoots.contains(name)) {
          continue;
        }
        String qualified = pkg.isEmpty() ? name : pkg + "." + name;
        // A package and a class of the same qualified name cannot coexist.
        boolean clashesWithPackage = PACKAGES.stream().anyMatch(p -> p.equals(qualified) || p.startsWith(qualified + "."));
        if (!clashesWithPackage && qualifiedNames.add(qualified.toLowerCase(Locale.ROOT))) {
          return name;
        }
      }
    }

    private void add(String pkg, String name, String body) {
      String qualified = pkg.isEmpty() ? name : pkg + "." + name;
      String text = (pkg.isEmpty() ? "" : "package " + pkg + ";\n") + body;
      sources.add(JavaFileObjects.forSourceString(qualified, text));
    }

    /** An extension point: its canonical name, rules, and whether it is an abstract class. */
    private record Point(String canonical, List<String> rules, boolean abstractClass, boolean generic) {}

    List<JavaFileObject> generate() {
      List<Point> points = new ArrayList<>();
      int pointCount = 1 + random.nextInt(3);
      List<String> pointPackages = new ArrayList<>();
      for (int i = 0; i < pointCount; i++) {
        pointPackages.add(pick(PACKAGES.subList(0, 6)));
      }
      PACKAGES.forEach(p -> packageRoots.add(p.split("\\.")[0]));
      for (int i = 0; i < pointCount; i++) {
        String pkg = pointPackages.get(i);
        String name = freshName(pkg);
        List<String> rules = new ArrayList<>();
        int ruleCount = random.nextInt(3);
        for (int r = 0; r < ruleCount; r++) {
          String rule = pick(RULES);
          if (!rule.isEmpty() && !rules.contains(rule)) {
            rules.add(rule);
          }
        }
        boolean abstractClass = random.nextInt(4) == 0;
        boolean generic = random.nextInt(4) == 0;
        StringBuilder body = new StringBuilder("@dev.patchbay.ExtensionPoint");
        if (random.nextInt(5) == 0) {
          body.append("(registry = \"").append(name).append("Plugins\")");
        }
        body.append('\n');
        for (String rule : rules) {
          body.append("@dev.patchbay.RequireConstructor(parameters = ").append(rule).append(")\n");
        }
        body.append("public ").append(abstractClass ? "abstract class " : "interface ").append(name)
            .append(generic ? "<T>" : "").append(" {\n");
        if (abstractClass) {
          body.append("  protected ").append(name).append("() {}\n");
        }
        body.append("}\n");
        add(pkg, name, body.toString());
        points.add(new Point(pkg.isEmpty() ? name : pkg + "." + name, rules, abstractClass, generic));
      }
      int pluginCount = random.nextInt(7);
      for (int i = 0; i < pluginCount; i++) {
        Point point = pick(points);
        String pkg = pick(PACKAGES);
        while (valid && pkg.equals("String")) {
          pkg = pick(PACKAGES); // a package hidden by java.lang.String is an error
        }
        if (pkg.isEmpty() && point.canonical().contains(".") && (valid || random.nextInt(3) > 0)) {
          pkg = "app"; // mostly valid projects; the rest is the unnamed-package error
        }
        addPlugin(pkg, freshName(pkg), point, i);
      }
      // Look-alikes of java.lang and generated names beside the plugins.
      for (int i = 0; i < 2; i++) {
        String pkg = pick(PACKAGES);
        String name = freshName(pkg);
        add(pkg, name, "public class " + name + " {}\n");
      }
      return sources;
    }

    private void addPlugin(String pkg, String name, Point point, int number) {
      StringBuilder annotation = new StringBuilder("@dev.patchbay.Plugin(");
      List<String> attributes = new ArrayList<>();
      int kind = random.nextInt(20);
      if (valid) {
        // Names unique per project, without whitespace; the look-alike class names stay.
        String value = pick(PLUGIN_NAMES.subList(0, 12)) + "-" + number;
        attributes.add("value = \"" + value + "\"");
        if (random.nextBoolean()) {
          attributes.add("aliases = {\"" + value + "-a\", \"" + pick(PLUGIN_NAMES.subList(0, 12)) + number + "\"}");
        }
        kind = 20;
      }
      if (kind == 0) {
        attributes.add("value = \"bad\\uD800\"");
      } else if (kind == 1) {
        attributes.add("value = \"two words\"");
      } else if (kind == 2) {
        attributes.add("value = \"" + "n".repeat(5_000) + "\", description = \"" + "d".repeat(62_000) + "\"");
      } else if (kind < 12) {
        attributes.add("value = \"" + pick(PLUGIN_NAMES) + "\"");
      }
      if (!valid && random.nextInt(3) == 0) {
        attributes.add("aliases = {\"" + pick(PLUGIN_NAMES) + "-alias\", \"" + name.toLowerCase(Locale.ROOT) + "2\"}");
      }
      if (random.nextInt(3) == 0) {
        attributes.add("priority = " + (random.nextInt(21) - 10));
      }
      if (random.nextInt(3) == 0) {
        attributes.add("description = \"described\\n\\tplugin \\u00e9\"");
      }
      annotation.append(String.join(", ", attributes)).append(")\n");
      String supertype = point.canonical() + (point.generic() ? "<java.lang.Object>" : "");
      StringBuilder body = new StringBuilder(annotation)
          .append("public class ").append(name)
          .append(point.abstractClass() ? " extends " : " implements ").append(supertype).append(" {\n");
      if (point.rules().isEmpty()) {
        if (random.nextInt(4) == 0) {
          body.append("  private ").append(name).append("() {}\n")
              .append("  public static ").append(supertype).append(" provider() { return new ")
              .append(name).append("(); }\n");
        } else {
          body.append("  public ").append(name).append("() {}\n");
        }
      }
      for (String rule : point.rules()) {
        String parameters = rule.replace("{", "").replace("}", "");
        List<String> declared = new ArrayList<>();
        int index = 0;
        for (String type : parameters.isEmpty() ? new String[0] : parameters.split(",\\s*")) {
          declared.add(type.replace(".class", "") + " p" + index++);
        }
        String rawList = rule.contains("java.util.List") ? "  @java.lang.SuppressWarnings(\"rawtypes\")\n" : "";
        body.append(rawList).append("  public ").append(name).append("(")
            .append(String.join(", ", declared)).append(") {}\n");
      }
      body.append("}\n");
      add(pkg, name, body.toString());
    }
  }
}
