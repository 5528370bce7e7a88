package dev.patchbay.benchmarks.loader;

import dev.patchbay.benchmarks.harness.Mode;
import dev.patchbay.benchmarks.harness.Processes;
import dev.patchbay.benchmarks.harness.Summary;
import dev.patchbay.benchmarks.harness.Toolchain;
import dev.patchbay.benchmarks.report.Charts;
import dev.patchbay.benchmarks.report.Format;
import dev.patchbay.benchmarks.report.Section;
import dev.patchbay.benchmarks.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugin jars from a folder: Patchbay's {@code PluginDirectory} against PF4J's
 * {@code DefaultPluginManager} on the same jars' shape, opening and listing, creating one plugin,
 * and unloading and reloading one jar a hundred times.
 */
public final class PluginFolderSuite {
  private static final int PER_JAR = 10;
  private static final String PATCHBAY_LIST = "Patchbay PluginDirectory.open + jars()";
  private static final String PATCHBAY_CACHED =
      "Patchbay PluginDirectory.open + jars(), listing cache warm (later starts)";
  private static final String PF4J_LIST =
      "PF4J loadPlugins + startPlugins + getExtensionClasses";
  private static final String FLOOR = "floor: open each jar, read manifest + index entry";
  private static final String PATCHBAY_CREATE = "Patchbay open + registry(..).create(name)";
  private static final String PF4J_CREATE =
      "PF4J load + start + getExtensionClasses(type, id) + create";

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;
  private final int jars;
  private final int cycles;

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work working directory (inputs are kept there between runs)
   * @param mode how many fresh JVMs per figure; {@code plugins() / 10} jars
   * @param charts directory receiving the PNG charts
   */
  public PluginFolderSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work;
    this.mode = mode;
    this.charts = charts;
    this.jars = Math.max(2, mode.plugins() / PER_JAR);
    this.cycles = mode.name().contains("tiny") ? 10 : 100;
  }

  /**
   * Builds the inputs, measures both variants and reports.
   *
   * @return the cold-start section and the unload/reload section
   * @throws Exception when the inputs cannot be built
   */
  public List<Section> run() throws Exception {
    FolderInputs inputs = new FolderInputs(work.resolve("plugin-folders"), jars, PER_JAR);
    System.out.println("building " + jars + " plugin jars of " + PER_JAR + " plugins per variant");
    inputs.build(tc);
    int middle = jars / 2;
    List<String> target = List.of(FolderInputs.jarId(middle), FolderInputs.pluginName(middle, 3),
        FolderInputs.pluginClass(middle, 3));

    Map<String, List<Double>> ms = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    String[][] configs = {
        {PATCHBAY_LIST, "patchbay", "list"}, {PATCHBAY_CACHED, "patchbay", "listcached"},
        {PF4J_LIST, "pf4j", "list"},
        {FLOOR, "floor", "list"},
        {PATCHBAY_CREATE, "patchbay", "create"}, {PF4J_CREATE, "pf4j", "create"}};
    for (String[] c : configs) {
      ms.put(c[0], new ArrayList<>());
      cpu.put(c[0], new ArrayList<>());
    }
    // The first start with a listing cache writes it; the cached row's JVMs then read it.
    Files.deleteIfExists(FolderProbe.cacheFile(inputs.patchbayFolder));
    try {
      probe(inputs, "patchbay", "listcached", target, 0);
    } catch (Exception e) {
      failures.put(PATCHBAY_CACHED, e.getMessage() == null ? e.toString() : e.getMessage());
    }
    // Round 0 warms the OS file cache and is discarded; the variants alternate within a round,
    // so both see the same machine load.
    for (int round = 0; round <= mode.coldRuns(); round++) {
      for (String[] c : configs) {
        if (failures.containsKey(c[0])) {
          continue;
        }
        try {
          Processes.Outcome out = probe(inputs, c[1], c[2], target, 0);
          Map<String, Long> fields = fields(out, "RESULT ");
          long expected = c[1].equals("floor") ? jars
              : c[2].startsWith("list") ? (long) jars * PER_JAR : 1;
          if (fields.get("count") != expected) {
            throw new IllegalStateException(c[0] + " saw " + fields.get("count")
                + " plugins, expected " + expected);
          }
          if (c[2].equals("listcached") && fields(out, "OPEN ").get("jars") != 0) {
            throw new IllegalStateException(c[0] + " opened " + fields(out, "OPEN ").get("jars")
                + " jars: the listing cache was not used");
          }
          if (c[2].equals("listcached")
              && !out.stdout().contains(" " + jars + " listed from the listing cache]")) {
            throw new IllegalStateException(c[0] + " did not list every jar from the listing"
                + " cache: " + out.stdout());
          }
          if (round > 0) {
            ms.get(c[0]).add(fields.get("elapsed") / 1e6);
            cpu.get(c[0]).add(fields.get("cpu") / 1e6);
          }
        } catch (Exception e) {
          failures.put(c[0], e.getMessage() == null ? e.toString() : e.getMessage());
        }
      }
    }
    Section cold = coldSection(ms, cpu, failures);

    Map<String, List<long[]>> cycleData = new LinkedHashMap<>();
    Map<String, String> cycleFailures = new LinkedHashMap<>();
    for (String variant : List.of("patchbay", "pf4j")) {
      try {
        Processes.Outcome out = probe(inputs, variant, "cycles", target, cycles);
        List<long[]> rows = new ArrayList<>();
        for (String line : out.stdout().lines().toList()) {
          if (line.startsWith("CYCLE ")) {
            Map<String, Long> f = parse(line.substring(line.indexOf(' ', 6) + 1));
            rows.add(new long[] {f.get("heap"), f.get("fds"), f.get("classes"), f.get("nanos")});
          }
        }
        if (rows.size() != cycles) {
          throw new IllegalStateException("saw " + rows.size() + " of " + cycles + " cycles");
        }
        cycleData.put(variant, rows);
      } catch (Exception e) {
        cycleFailures.put(variant, e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }
    return List.of(cold, cycleSection(cycleData, cycleFailures));
  }

  private Processes.Outcome probe(FolderInputs inputs, String variant, String op,
      List<String> target, int cycleCount) throws IOException, InterruptedException {
    List<Path> cp = new ArrayList<>();
    cp.add(tc.benchmarkClasses());
    if (!variant.equals("pf4j")) {
      cp.addAll(tc.jars("patchbay-annotations-", "patchbay-loader-"));
      cp.add(inputs.patchbayApi);
    } else {
      cp.addAll(tc.pf4j());
      cp.add(inputs.pf4jApi);
    }
    List<String> command = List.of(tc.java(), "-Xmx512m", "-cp", Toolchain.join(cp),
        FolderProbe.class.getName(), variant, op,
        (variant.equals("pf4j") ? inputs.pf4jFolder : inputs.patchbayFolder).toString(),
        variant.equals("pf4j") ? FolderInputs.PF4J_API : FolderInputs.PATCHBAY_API,
        target.get(0), target.get(1), target.get(2), String.valueOf(cycleCount));
    return Processes.run(command, work, Duration.ofMinutes(10)).orThrow();
  }

  private static Map<String, Long> fields(Processes.Outcome out, String prefix) {
    for (String line : out.stdout().lines().toList()) {
      if (line.startsWith(prefix)) {
        return parse(line.substring(prefix.length()));
      }
    }
    throw new IllegalStateException("no " + prefix.trim() + " line in: " + out.stdout()
        + out.stderr());
  }

  private static Map<String, Long> parse(String text) {
    Map<String, Long> fields = new LinkedHashMap<>();
    for (String part : text.trim().split(" ", -1)) {
      String[] kv = part.split("=", -1);
      fields.put(kv[0], Long.parseLong(kv[1]));
    }
    return fields;
  }

  private Section coldSection(Map<String, List<Double>> ms, Map<String, List<Double>> cpu,
      Map<String, String> failures) throws IOException {
    Section s = new Section("Plugin folder, " + jars + " jars × " + PER_JAR
        + " plugins: open, list, create one",
        "A fresh JVM (JDK 17, `-Xmx512m`) whose class path holds the extension point and the "
        + "library only; the plugin jars are in a folder. Timed inside the process with "
        + "`System.nanoTime()` from before the first call to after reading the results. "
        + "Patchbay opens a `PluginDirectory`, which reads each jar's manifest, index service "
        + "entry and the plugin listing the processor wrote beside its index, through the jar's "
        + "central directory with a small zip reader of its own (no `JarFile`, no class loader; "
        + "the jar is opened as a `JarFile`, checked against what was listed and given its class "
        + "loader when a plugin of it is first created), and reads every jar's id and version "
        + "and every plugin's name, description and class name. PF4J runs `DefaultPluginManager` "
        + "`loadPlugins()` and `startPlugins()`, then `getExtensionClasses(Greeter.class)`, "
        + "which loads every extension class: PF4J has no listing without classes. To create one "
        + "plugin, Patchbay calls `registry(Greeter.class).create(name)`; PF4J, which has no "
        + "plugin names, gets that plugin's extension classes with `getExtensionClasses(type, "
        + "pluginId)` and creates the wanted class through its extension factory. Median of "
        + mode.coldRuns() + " fresh JVMs per row after a discarded round; the variants "
        + "alternate. The floor row opens each jar and reads its manifest and index service "
        + "entry with `JarFile`, nothing else: not a way to list plugins, but the least a "
        + "lister that reads the jars through `JarFile` does. The listing cache row opens the "
        + "directory with "
        + "`builder(folder).listingCache(file)` after an earlier start wrote the cache: each jar's "
        + "file attributes are read and compared with the cache, and no jar is opened (each "
        + "measured JVM checks that no descriptor of a jar is open after listing and that the "
        + "directory says it listed every jar from the cache); this is what "
        + "every start after the first costs while the jars do not change.");
    Map<String, Summary> figures = new LinkedHashMap<>();
    for (Map.Entry<String, List<Double>> e : ms.entrySet()) {
      if (!e.getValue().isEmpty()) {
        figures.put(e.getKey(), Summary.of(e.getValue()));
      }
    }
    s.headers("variant", "median", "min – max", "JVMs", "× time of the Patchbay row",
        "thread CPU, median");
    for (Map.Entry<String, Summary> e : figures.entrySet()) {
      Summary f = e.getValue();
      Summary reference = figures.get(e.getKey().equals(PATCHBAY_CREATE)
          || e.getKey().equals(PF4J_CREATE) ? PATCHBAY_CREATE : PATCHBAY_LIST);
      s.row(e.getKey(), Format.median(f, "ms"), Format.range(f) + " ms",
          String.valueOf(f.count()),
          reference == null ? "n/a" : Format.times(f.median() / reference.median()),
          Format.median(Summary.of(cpu.get(e.getKey())), "ms"));
    }
    failures.forEach((label, why) -> s.note("**" + label + " not measured**: "
        + why.strip().lines().findFirst().orElse("")));
    if (figures.containsKey(PATCHBAY_LIST) && figures.containsKey(PF4J_LIST)) {
      double ratio = figures.get(PF4J_LIST).median() / figures.get(PATCHBAY_LIST).median();
      Summary floor = figures.get(FLOOR);
      String outOfReach = null;
      if (ratio < 10 && floor != null && figures.get(PF4J_LIST).median() / floor.median() < 10) {
        outOfReach = "Opening each jar and reading its manifest and index entry, with no class"
            + " loader and no class (the floor row), took " + Format.median(floor, "ms")
            + " in this run: PF4J was only " + Format.times(figures.get(PF4J_LIST).median()
                / floor.median()) + " slower than that, so no lister that opens every jar with"
            + " `JarFile` could be 10× faster here.";
      }
      s.verdict(new Verdict("listing ≥ 10× faster than PF4J, first start",
          Format.times(ratio) + " faster", ratio >= 10, outOfReach));
      Summary cached = figures.get(PATCHBAY_CACHED);
      double cachedRatio = cached == null ? 0 : figures.get(PF4J_LIST).median() / cached.median();
      s.verdict(new Verdict("listing ≥ 10× faster than PF4J, later starts with the listing cache",
          cached == null ? "not measured" : Format.times(cachedRatio) + " faster",
          cachedRatio >= 10));
      double overFloor = floor == null ? 0 : figures.get(PATCHBAY_LIST).median() / floor.median();
      if (overFloor >= 1 && outOfReach == null) {
        s.note("Reading the jars alone (the floor row) took " + Format.times(overFloor)
            + " less than Patchbay's listing, which also reads each jar's plugin listing and file"
            + " attributes, parses the listing and loads the directory's own classes; it defines"
            + " no class of the jars.");
      } else if (floor != null && overFloor < 1) {
        s.note("Patchbay's listing took " + Format.times(overFloor) + " the time of the floor"
            + " row, which only opens each jar with `JarFile` and reads its manifest and index"
            + " service entry: Patchbay reads those and the plugin listings too, but through its"
            + " own reader of the jar's central directory, without `JarFile`'s entry table and"
            + " manifest objects.");
      }
      double patchbayCpu = Summary.of(cpu.get(PATCHBAY_LIST)).median();
      s.note("By thread CPU, PF4J's listing took "
          + Format.times(Summary.of(cpu.get(PF4J_LIST)).median() / patchbayCpu)
          + " Patchbay's" + (floor == null ? "." : ", and Patchbay's took "
              + Format.times(patchbayCpu / Summary.of(cpu.get(FLOOR)).median())
              + " the floor row's."));
      if (cached != null) {
        s.note("With the listing cache warm, PF4J's listing took "
            + Format.times(Summary.of(cpu.get(PF4J_LIST)).median()
                / Summary.of(cpu.get(PATCHBAY_CACHED)).median())
            + " Patchbay's thread CPU.");
      }
      s.headline("Listing " + jars + " plugin jars × " + PER_JAR + " plugins from a folder, "
          + "fresh JVM: Patchbay `PluginDirectory` " + Format.median(figures.get(PATCHBAY_LIST),
              "ms") + " at the first start (" + Format.times(ratio) + " faster than PF4J)"
          + (cached == null ? "" : ", " + Format.median(cached, "ms") + " at later starts with"
              + " the listing cache (" + Format.times(cachedRatio) + ")")
          + "; PF4J " + Format.median(figures.get(PF4J_LIST), "ms") + ".");
    } else {
      s.verdict(new Verdict("listing ≥ 10× faster than PF4J", "not measured", false));
    }
    if (figures.containsKey(PATCHBAY_CREATE) && figures.containsKey(PF4J_CREATE)) {
      s.note("Creating one plugin by name: PF4J took "
          + Format.times(figures.get(PF4J_CREATE).median()
              / figures.get(PATCHBAY_CREATE).median())
          + " Patchbay's time (no target was set for this row).");
    }
    s.note("\"Thread CPU\" is the calling thread's CPU time over the same region "
        + "(`ThreadMXBean`); it leaves out JIT and GC threads.");
    if (!figures.isEmpty()) {
      List<Charts.Bar> bars = new ArrayList<>();
      figures.forEach((label, f) -> bars.add(new Charts.Bar(label, f.median(), f.min(), f.max(),
          label.startsWith("Patchbay"))));
      Charts.bars(charts.resolve("plugin-folder-cold.png"), "Plugin folder, " + jars + " jars × "
          + PER_JAR + " plugins (fresh JVM, lower is better)", "ms", bars, true);
      s.chart("plugin-folder-cold.png");
    }
    return s;
  }

  private Section cycleSection(Map<String, List<long[]>> data, Map<String, String> failures)
      throws IOException {
    Section s = new Section("Plugin folder: " + cycles + " unload/reload cycles of one jar",
        "One JVM per library (JDK 17, `-Xmx512m`) opens the same folder, creates a plugin of the "
        + "middle jar, then runs " + cycles + " cycles: Patchbay moves the jar out of the folder "
        + "and calls `reload()`, moves it back and calls `reload()` again; PF4J calls "
        + "`unloadPlugin(id)`, `loadPlugin(path)` and `startPlugin(id)`. Each cycle then "
        + "creates the plugin again (its class loads anew), calls `System.gc()` twice and "
        + "records the heap in use, the process's open file descriptors (`/proc/self/fd`) and "
        + "the JVM's loaded class count. Growth compares the median of the last 10 cycles with "
        + "that of the first 10.");
    s.headers("library", "heap after GC, cycle 1", "heap after GC, last", "heap growth",
        "open fds first → last", "loaded classes first → last", "cycle time, median");
    List<Charts.Series> series = new ArrayList<>();
    for (Map.Entry<String, List<long[]>> e : data.entrySet()) {
      List<long[]> rows = e.getValue();
      String label = e.getKey().equals("patchbay") ? "Patchbay PluginDirectory.reload()"
          : "PF4J unloadPlugin + loadPlugin";
      double growth = growthMiB(rows);
      List<Double> times = new ArrayList<>();
      double[] x = new double[rows.size()];
      double[] y = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        times.add(rows.get(i)[3] / 1e6);
        x[i] = i + 1;
        y[i] = rows.get(i)[0] / 1048576.0;
      }
      long[] first = rows.get(0);
      long[] last = rows.get(rows.size() - 1);
      s.row(label, Format.num(first[0] / 1048576.0) + " MiB",
          Format.num(last[0] / 1048576.0) + " MiB",
          (growth >= 0 ? "+" : "") + Format.num(growth) + " MiB",
          first[1] + " → " + last[1], first[2] + " → " + last[2],
          Format.median(Summary.of(times), "ms"));
      series.add(new Charts.Series(label, x, y));
      if (e.getKey().equals("patchbay")) {
        s.verdict(new Verdict("heap after GC flat over " + cycles + " cycles (≤ 1 MiB growth)",
            (growth >= 0 ? "+" : "") + Format.num(growth) + " MiB", growth <= 1.0));
        s.verdict(new Verdict("open descriptors flat", first[1] + " → " + last[1],
            last[1] <= first[1]));
      }
    }
    if (!data.containsKey("patchbay")) {
      s.verdict(new Verdict("heap after GC flat over " + cycles + " cycles (≤ 1 MiB growth)",
          "not measured", false));
    }
    failures.forEach((variant, why) -> s.note("**" + variant + " not measured**: "
        + why.strip().lines().findFirst().orElse("")));
    s.note("A flat loaded-class count means each unloaded jar's classes were unloaded: their "
        + "class loader was collected.");
    if (!series.isEmpty()) {
      Charts.lines(charts.resolve("plugin-folder-cycles.png"), "Heap in use after GC, per "
          + "unload/reload cycle", "cycle", "heap after GC (MiB)", series);
      s.chart("plugin-folder-cycles.png");
    }
    return s;
  }

  /** Median heap of the last ten cycles minus that of the first ten, in MiB. */
  private static double growthMiB(List<long[]> rows) {
    int tenth = Math.min(10, rows.size());
    List<Double> first = new ArrayList<>();
    List<Double> last = new ArrayList<>();
    for (int i = 0; i < tenth; i++) {
      first.add((double) rows.get(i)[0]);
      last.add((double) rows.get(rows.size() - 1 - i)[0]);
    }
    return (Summary.of(last).median() - Summary.of(first).median()) / 1048576.0;
  }
}
