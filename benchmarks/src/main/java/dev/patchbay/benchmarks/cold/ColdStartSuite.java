package dev.patchbay.benchmarks.cold;

import dev.patchbay.benchmarks.harness.Javac;
import dev.patchbay.benchmarks.harness.Mode;
import dev.patchbay.benchmarks.harness.Processes;
import dev.patchbay.benchmarks.harness.Summary;
import dev.patchbay.benchmarks.harness.Toolchain;
import dev.patchbay.benchmarks.inputs.PluginSources;
import dev.patchbay.benchmarks.inputs.Variant;
import dev.patchbay.benchmarks.report.Charts;
import dev.patchbay.benchmarks.report.Format;
import dev.patchbay.benchmarks.report.Section;
import dev.patchbay.benchmarks.report.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start with many plugins: list metadata, create one by name, create all, each timed as the
 * first call in a fresh JVM, for every variant, in interleaved rounds so machine load spreads
 * evenly over the variants.
 */
public final class ColdStartSuite {
  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;
  private final PluginSources sources;
  private final Map<Variant, String> runtimeClasspath = new EnumMap<>(Variant.class);
  private final Map<Variant, String> buildFailures = new EnumMap<>(Variant.class);
  private final List<Double> bootMillis = new ArrayList<>();
  private final Map<String, List<Double>> cpuMillis = new LinkedHashMap<>();

  /** One cold measurement: which row, which variant, which driver operation. */
  private record Config(String row, Variant variant, String op, String label) {}

  /** The part of Registries.of that finds every jar's index; no plugin is created. */
  private static final String DISCOVERY = "ServiceLoader finding the plugin index (inside Registries.of)";

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work scratch directory for inputs and classes
   * @param mode repetition counts
   * @param charts directory receiving the PNG charts
   */
  public ColdStartSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work.resolve("cold");
    this.mode = mode;
    this.charts = charts;
    this.sources = new PluginSources(mode.plugins());
  }

  /**
   * Builds every variant, measures, and returns the three report sections.
   *
   * @return sections for list, create one, create all
   * @throws IOException when inputs cannot be written
   * @throws InterruptedException when interrupted
   */
  public List<Section> run() throws IOException, InterruptedException {
    for (Variant v : Variant.values()) {
      build(v);
    }
    List<Config> configs = List.of(
        new Config("list", Variant.PATCHBAY, "list", "Patchbay GreeterRegistry.plugins()"),
        new Config("list", Variant.PATCHBAY, "list-merged", "Patchbay Registries.of(..).plugins()"),
        new Config("list", Variant.SERVICE_LOADER, "list", "ServiceLoader.stream() + type()"),
        new Config("list", Variant.PF4J, "list", "PF4J getExtensionClasses()"),
        new Config("list", Variant.CLASSGRAPH, "list", "ClassGraph scan"),
        new Config("list", Variant.HAND_WRITTEN, "list", "hand-written list"),
        new Config("one", Variant.PATCHBAY, "one", "Patchbay GreeterRegistry.create(name)"),
        new Config("one", Variant.PATCHBAY, "one-merged", "Patchbay Registries.of(..).create(name)"),
        new Config("one", Variant.PATCHBAY, "discover", DISCOVERY),
        new Config("one", Variant.SERVICE_LOADER, "one", "ServiceLoader iterate to match"),
        new Config("one", Variant.HAND_WRITTEN, "one", "hand-written switch"),
        new Config("all", Variant.PATCHBAY, "all", "Patchbay GreeterRegistry.createAll()"),
        new Config("all", Variant.PATCHBAY, "all-merged", "Patchbay Registries.of(..).createAll()"),
        new Config("all", Variant.SERVICE_LOADER, "all", "ServiceLoader iterate all"),
        new Config("all", Variant.HAND_WRITTEN, "all", "hand-written new list"));
    Map<Config, List<Double>> millis = new LinkedHashMap<>();
    Map<Config, String> failures = new LinkedHashMap<>();
    for (Config c : configs) {
      millis.put(c, new ArrayList<>());
    }
    // Round 0 warms the page cache (jar files, JDK modules) and is discarded; every JVM is fresh.
    for (int round = 0; round <= mode.coldRuns(); round++) {
      for (Config c : configs) {
        if (buildFailures.containsKey(c.variant()) || failures.containsKey(c)) {
          continue;
        }
        try {
          double ms = measure(c, round > 0);
          if (round > 0) {
            millis.get(c).add(ms);
          }
        } catch (IllegalStateException e) {
          failures.put(c, e.getMessage());
          System.err.println("[cold] " + c.label() + " failed: " + e.getMessage());
        }
      }
      System.out.println("[cold] round " + round + " of " + mode.coldRuns() + " done");
    }
    List<Section> sections = new ArrayList<>();
    sections.add(listSection(configs, millis, failures));
    sections.add(oneSection(configs, millis, failures));
    sections.add(allSection(configs, millis, failures));
    return sections;
  }

  private void build(Variant v) throws IOException, InterruptedException {
    Path dir = work.resolve(v.slug());
    Javac.deleteTree(dir);
    Path src = dir.resolve("src");
    List<Path> files = new ArrayList<>(sources.writePlugins(v, src));
    files.add(PluginSources.write(src, "bench.driver", "Cold", ColdDrivers.source(v)));
    List<Path> compileCp = new ArrayList<>();
    List<Path> runCp = new ArrayList<>();
    List<Path> processors = null;
    switch (v) {
      case PATCHBAY -> {
        compileCp.addAll(tc.jars("patchbay-annotations-"));
        runCp.addAll(tc.jars("patchbay-annotations-"));
        processors = tc.patchbayProcessorPath();
      }
      case SERVICE_LOADER -> {
        compileCp.addAll(tc.jars("auto-service-annotations-"));
        processors = tc.autoServiceProcessorPath();
      }
      case PF4J -> {
        compileCp.addAll(tc.pf4j());
        runCp.addAll(tc.pf4j());
        processors = tc.pf4j();
      }
      case CLASSGRAPH -> {
        compileCp.addAll(tc.jars("classgraph-"));
        runCp.addAll(tc.jars("classgraph-"));
      }
      case HAND_WRITTEN -> {
        compileCp.addAll(tc.jars("patchbay-annotations-"));
        runCp.addAll(tc.jars("patchbay-annotations-"));
      }
    }
    Path classes = dir.resolve("classes");
    Processes.Outcome javac = Javac.build(tc, files, classes, compileCp, processors);
    if (javac.exitCode() != 0) {
      String why = "javac failed for the " + v.label() + " variant:\n" + tail(javac.stderr()
          + javac.stdout());
      buildFailures.put(v, why);
      System.err.println("[cold] " + why);
      return;
    }
    Path jar = dir.resolve(v.slug() + "-plugins.jar");
    Javac.jar(classes, jar);
    runCp.add(0, jar);
    runtimeClasspath.put(v, Toolchain.join(runCp));
    System.out.println("[cold] built " + v.label() + " (" + files.size() + " sources, javac "
        + Format.num(javac.wallNanos() / 1e6) + " ms)");
  }

  private double measure(Config c, boolean counted) throws IOException, InterruptedException {
    List<String> command = List.of(tc.java(), "-cp", runtimeClasspath.get(c.variant()),
        ColdDrivers.MAIN_CLASS, c.op(), sources.middleName());
    Processes.Outcome out = Processes.run(command, work, Duration.ofMinutes(2)).orThrow();
    String line = null;
    for (String l : out.stdout().lines().toList()) {
      if (l.startsWith("COLD ")) {
        line = l;
      }
    }
    if (line == null) {
      throw new IllegalStateException("no COLD line in the output of " + c.label() + ":\n"
          + out.stdout() + out.stderr());
    }
    Map<String, Long> fields = new LinkedHashMap<>();
    for (String part : line.substring(5).split(" ", -1)) {
      String[] kv = part.split("=", -1);
      fields.put(kv[0], Long.parseLong(kv[1]));
    }
    long expected = c.op().startsWith("one") || c.op().equals("discover") ? 1 : mode.plugins();
    if (fields.get("count") != expected) {
      throw new IllegalStateException(c.label() + " saw " + fields.get("count")
          + " plugins, expected " + expected + " (the variant's registration is broken)");
    }
    if (counted) {
      cpuMillis.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(fields.get("cpu") / 1e6);
      // System.nanoTime is CLOCK_MONOTONIC on Linux, shared by all processes of the machine.
      bootMillis.add((fields.get("entered") - out.launchedNanos()) / 1e6);
    }
    return fields.get("elapsed") / 1e6;
  }

  private Section listSection(List<Config> configs, Map<Config, List<Double>> ms,
      Map<Config, String> failures) throws IOException {
    Section s = new Section("Cold start, " + mode.plugins() + " plugins: list names and metadata",
        "First call in a fresh JVM (JDK 17), timed inside the process with `System.nanoTime()` "
        + "from just before the call to just after reading every entry's name (and, where the "
        + "API has them, description and class name). Each figure is the median of "
        + mode.coldRuns() + " fresh JVMs; a first, discarded round warms the OS file cache. "
        + "Plugins are packed in one jar per variant. ServiceLoader reads each provider's "
        + "`type()`, which loads every plugin class; PF4J builds a `DefaultPluginManager` and "
        + "calls `getExtensionClasses(Greeter.class)` over the `extensions.idx` its processor "
        + "wrote; ClassGraph scans the plugin and API packages for implementations.");
    Map<String, Summary> figures = table(s, configs, ms, failures, "list",
        "Patchbay GreeterRegistry.plugins()");
    String limit = "hand-written list";
    ratioVerdict(s, figures, "ServiceLoader.stream() + type()", "Patchbay GreeterRegistry.plugins()",
        20, "≥ 20× faster than ServiceLoader", limitBound(figures, "ServiceLoader.stream() + type()", limit, 20));
    ratioVerdict(s, figures, "ServiceLoader.stream() + type()",
        "Patchbay Registries.of(..).plugins()", 20, "≥ 20× faster than ServiceLoader (Registries.of)",
        limitBound(figures, "ServiceLoader.stream() + type()", limit, 20));
    ratioVerdict(s, figures, "ClassGraph scan", "Patchbay GreeterRegistry.plugins()", 50,
        "≥ 50× faster than ClassGraph", limitBound(figures, "ClassGraph scan", limit, 50));
    ratioVerdict(s, figures, "ClassGraph scan", "Patchbay Registries.of(..).plugins()", 50,
        "≥ 50× faster than ClassGraph (Registries.of)",
        limitBound(figures, "ClassGraph scan", limit, 50));
    headline(s, figures, "Patchbay GreeterRegistry.plugins()", "listing " + mode.plugins()
        + " plugins' names and metadata, first call in a fresh JVM",
        "ServiceLoader.stream() + type()", "ClassGraph scan", "PF4J getExtensionClasses()",
        "hand-written list");
    bootNote(s);
    chart(s, "cold-list.png", figures);
    return s;
  }

  private Section oneSection(List<Config> configs, Map<Config, List<Double>> ms,
      Map<Config, String> failures) throws IOException {
    Section s = new Section("Cold start, " + mode.plugins() + " plugins: create one by name",
        "First call in a fresh JVM creating the plugin named `" + sources.middleName()
        + "` (the middle of the list, so ServiceLoader instantiates half of the providers "
        + "before it finds it). Median of " + mode.coldRuns() + " fresh JVMs.");
    Map<String, Summary> figures = table(s, configs, ms, failures, "one",
        "Patchbay GreeterRegistry.create(name)");
    ratioVerdict(s, figures, "ServiceLoader iterate to match",
        "Patchbay GreeterRegistry.create(name)", 10, "≥ 10× faster than ServiceLoader");
    ratioVerdict(s, figures, "ServiceLoader iterate to match",
        "Patchbay Registries.of(..).create(name)", 10,
        "≥ 10× faster than ServiceLoader (Registries.of)", discoveryBound(figures));
    headline(s, figures, "Patchbay GreeterRegistry.create(name)", "creating one of "
        + mode.plugins() + " plugins by name, cold", "ServiceLoader iterate to match",
        "hand-written switch");
    bootNote(s);
    chart(s, "cold-create-one.png", figures);
    return s;
  }

  private Section allSection(List<Config> configs, Map<Config, List<Double>> ms,
      Map<Config, String> failures) throws IOException {
    Section s = new Section("Cold start, " + mode.plugins() + " plugins: create all",
        "First call in a fresh JVM creating one instance of every plugin (each creation loads "
        + "that plugin's class, so every variant loads " + mode.plugins() + " classes). Median of "
        + mode.coldRuns() + " fresh JVMs.");
    Map<String, Summary> figures = table(s, configs, ms, failures, "all",
        "Patchbay GreeterRegistry.createAll()");
    withinVerdict(s, figures, "Patchbay GreeterRegistry.createAll()", "hand-written new list", 1.2,
        "within 1.2× of hand-written");
    withinVerdict(s, figures, "Patchbay Registries.of(..).createAll()", "hand-written new list",
        1.2, "within 1.2× of hand-written (Registries.of)");
    headline(s, figures, "Patchbay GreeterRegistry.createAll()", "creating all "
        + mode.plugins() + " plugins, cold", "hand-written new list", "ServiceLoader iterate all");
    bootNote(s);
    chart(s, "cold-create-all.png", figures);
    return s;
  }

  private Map<String, Summary> table(Section s, List<Config> configs,
      Map<Config, List<Double>> ms, Map<Config, String> failures, String row, String reference) {
    Map<String, Summary> figures = new LinkedHashMap<>();
    for (Config c : configs) {
      if (c.row().equals(row) && !ms.get(c).isEmpty()) {
        figures.put(c.label(), Summary.of(ms.get(c)));
      }
    }
    Summary ref = figures.get(reference);
    s.headers("variant", "median", "min – max", "JVMs", "× time of " + reference,
        "thread CPU, median");
    for (Map.Entry<String, Summary> e : figures.entrySet()) {
      Summary f = e.getValue();
      List<Double> cpu = cpuMillis.get(e.getKey());
      s.row(e.getKey(), Format.median(f, "ms"), Format.range(f) + " ms",
          String.valueOf(f.count()), ref == null ? "n/a" : Format.times(f.median() / ref.median()),
          cpu == null || cpu.isEmpty() ? "n/a" : Format.median(Summary.of(cpu), "ms"));
    }
    s.note("\"Thread CPU\" is the calling thread's CPU time over the same region (from "
        + "`/proc/thread-self/schedstat`): machine load inflates it far less than wall time, so "
        + "it shows whether a ratio is the code's or the machine's. It leaves out JIT and GC "
        + "threads, and ClassGraph's scan worker threads, which flatters ClassGraph.");
    for (Config c : configs) {
      if (c.row().equals(row)) {
        String why = buildFailures.containsKey(c.variant()) ? buildFailures.get(c.variant())
            : failures.get(c);
        if (why != null) {
          s.note("**" + c.label() + " not measured**: " + oneLine(why));
        }
      }
    }
    return figures;
  }

  /**
   * When even the hand-written list, which does no discovery and no decoding, is not
   * {@code target} times faster than {@code slow} in this run, no registry can be: says so.
   */
  private static String limitBound(Map<String, Summary> f, String slow, String limit,
      double target) {
    if (!f.containsKey(slow) || !f.containsKey(limit)) {
      return null;
    }
    double best = f.get(slow).median() / f.get(limit).median();
    return best >= target ? null : "The " + limit + ", the limit (1,000 `new PluginInfo(..)` "
        + "calls written out, nothing discovered or decoded), is itself only " + Format.times(best)
        + " faster than " + slow + " in this run";
  }

  /**
   * Registries.of must find every jar's plugin index, through one ServiceLoader pass (DESIGN),
   * and then create the plugin, which takes at least what the typed registry takes: when those
   * two alone leave less than a tenth of ServiceLoader's time, says so.
   */
  private static String discoveryBound(Map<String, Summary> f) {
    Summary discovery = f.get(DISCOVERY);
    Summary typed = f.get("Patchbay GreeterRegistry.create(name)");
    Summary slow = f.get("ServiceLoader iterate to match");
    if (discovery == null || typed == null || slow == null) {
      return null;
    }
    double floor = discovery.median() + typed.median();
    if (floor * 10 <= slow.median()) {
      return null;
    }
    return "Registries.of must find the jars' plugin indexes (" + Format.median(discovery, "ms")
        + " by themselves, the ServiceLoader row of this table) and then create the plugin (at "
        + "least the " + Format.median(typed, "ms") + " of GreeterRegistry.create): "
        + Format.num(floor) + " ms, more than a tenth of ServiceLoader's "
        + Format.median(slow, "ms") + ". Out of reach for a registry that merges other jars "
        + "found through ServiceLoader; the typed GreeterRegistry, which finds nothing, meets "
        + "the target";
  }

  private static void ratioVerdict(Section s, Map<String, Summary> f, String slow, String fast,
      double target, String text) {
    ratioVerdict(s, f, slow, fast, target, text, null);
  }

  private static void ratioVerdict(Section s, Map<String, Summary> f, String slow, String fast,
      double target, String text, String outOfReach) {
    if (f.containsKey(slow) && f.containsKey(fast)) {
      double ratio = f.get(slow).median() / f.get(fast).median();
      s.verdict(new Verdict(text, Format.times(ratio) + " faster", ratio >= target, outOfReach));
    } else {
      s.verdict(new Verdict(text, "not measured", false));
    }
  }

  private static void withinVerdict(Section s, Map<String, Summary> f, String subject,
      String limit, double target, String text) {
    if (f.containsKey(subject) && f.containsKey(limit)) {
      double ratio = f.get(subject).median() / f.get(limit).median();
      s.verdict(new Verdict(text, Format.times(ratio) + " of hand-written", ratio <= target));
    } else {
      s.verdict(new Verdict(text, "not measured", false));
    }
  }

  private static void headline(Section s, Map<String, Summary> f, String subject, String what,
      String... others) {
    Summary mine = f.get(subject);
    if (mine == null) {
      return;
    }
    StringBuilder line = new StringBuilder("Cold start, " + what + ": `"
        + subject.substring("Patchbay ".length()) + "` " + Format.median(mine, "ms"));
    String sep = " vs ";
    for (String other : others) {
      Summary o = f.get(other);
      if (o != null) {
        double r = o.median() / mine.median();
        line.append(sep).append(other).append(' ').append(Format.median(o, "ms"))
            .append(r >= 1 ? " (" + Format.times(r) + " slower)" : " (" + Format.times(1 / r)
                + " faster)");
        sep = ", ";
      }
    }
    s.headline(line.append('.').toString());
  }

  private void bootNote(Section s) {
    if (!bootMillis.isEmpty()) {
      Summary boot = Summary.of(bootMillis);
      s.note("JVM boot (process launch to the first line of `main`), not included above: median "
          + Format.median(boot, "ms") + ", " + Format.range(boot) + " ms over " + boot.count()
          + " JVMs of all cold rows.");
    }
  }

  private void chart(Section s, String file, Map<String, Summary> figures) throws IOException {
    if (figures.isEmpty()) {
      return;
    }
    List<Charts.Bar> bars = new ArrayList<>();
    for (Map.Entry<String, Summary> e : figures.entrySet()) {
      Summary f = e.getValue();
      bars.add(new Charts.Bar(e.getKey(), f.median(), f.min(), f.max(),
          e.getKey().startsWith("Patchbay")));
    }
    Charts.bars(charts.resolve(file), s.title() + " (fresh JVM, lower is better)", "ms", bars,
        true);
    s.chart(file);
  }

  private static String tail(String text) {
    return text.length() <= 1500 ? text : "..." + text.substring(text.length() - 1500);
  }

  private static String oneLine(String text) {
    String first = text.strip().lines().findFirst().orElse("");
    for (String line : text.lines().toList()) {
      if (line.contains("error:") || line.contains("Exception")) {
        first = first + " " + line.strip();
        break;
      }
    }
    return first.length() > 300 ? first.substring(0, 300) + "..." : first;
  }

  /**
   * Whether a variant's inputs compiled, for the harness's summary.
   *
   * @return variants that failed to build, with javac's message
   */
  public Map<Variant, String> buildFailures() {
    return buildFailures;
  }
}
