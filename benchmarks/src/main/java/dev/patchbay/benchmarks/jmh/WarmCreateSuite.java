package dev.patchbay.benchmarks.jmh;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm {@code create(name)} under JMH: the generated registry against a
 * {@code Map<String, Supplier>} and a hand-written {@code switch}, over the same generated plugins.
 *
 * <p>The JMH benchmark class is generated next to the plugins and compiled with both the Patchbay
 * processor and JMH's annotation processor, so it calls the real generated registry.
 */
public final class WarmCreateSuite {
  private static final String SWITCH = "hand-written switch";
  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("patchbayCreate", "Patchbay GreeterRegistry.create(name)");
    LABELS.put("patchbayMergedCreate", "Patchbay Registries.of(..).create(name)");
    LABELS.put("mapOfSuppliers", "Map<String, Supplier>");
    LABELS.put("handWrittenSwitch", SWITCH);
    LABELS.put("bucketedSwitch", "hand-written switch split into 64 small methods");
  }

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work scratch directory
   * @param mode JMH budget and plugin count
   * @param charts directory receiving the PNG chart
   */
  public WarmCreateSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work.resolve("warm");
    this.mode = mode;
    this.charts = charts;
  }

  /**
   * Generates, compiles and runs the benchmark, then reports.
   *
   * @return the warm-create section
   * @throws IOException when inputs cannot be written
   * @throws InterruptedException when interrupted
   */
  public List<Section> run() throws IOException, InterruptedException {
    Javac.deleteTree(work);
    PluginSources sources = new PluginSources(mode.plugins());
    Path src = work.resolve("src");
    List<Path> files = new ArrayList<>(sources.writePlugins(Variant.PATCHBAY, src));
    files.add(sources.writeHandWrittenCatalog(src));
    files.add(sources.writeBucketedSwitch(src, 64));
    files.add(PluginSources.write(src, "bench.jmh", "WarmCreate", benchmarkSource(sources)));
    List<Path> processors = new ArrayList<>(tc.patchbayProcessorPath());
    processors.addAll(tc.jars("jmh-generator-annprocess-", "jmh-core-"));
    Path classes = work.resolve("classes");
    Processes.Outcome javac = Javac.build(tc, files, classes,
        tc.jars("patchbay-annotations-", "jmh-core-"), processors);
    Section s = new Section("Warm create(name), " + mode.plugins() + " plugins (JMH)",
        "Average time of one `create(\"" + sources.middleName() + "\")` after JIT warm-up, "
        + "JMH " + mode.jmhForks() + " fork(s), " + mode.jmhWarmups() + " warm-up and "
        + mode.jmhIterations() + " measured iterations of " + mode.jmhSeconds() + " s, heap "
        + JmhRun.HEAP.replace("g", " GB") + "; each figure is the median of the measured "
        + "iterations. The name is read from a "
        + "non-final field, so the JIT cannot fold the lookup. `Map<String, Supplier>` is a "
        + "`HashMap` filled with `P0000::new`-style constructor references; the switch is a plain "
        + "string `switch` over every name; `Registries.of(..)` is held in a field, as a user "
        + "would. The split switch dispatches on `floorMod(name.hashCode(), 64)` to one of 64 "
        + "small string switches.");
    if (javac.exitCode() != 0) {
      s.note("**not measured**: javac failed for the warm benchmark: "
          + firstError(javac.stderr() + javac.stdout()));
      s.verdict(new Verdict("within 1.5× of switch", "not measured", false));
      return List.of(s);
    }
    Path jar = work.resolve("warm-create.jar");
    Javac.jar(classes, jar);
    Map<String, JmhRun.Scores> scores = JmhRun.run(tc.java(),
        jar + java.io.File.pathSeparator + tc.fullClasspath(), work, mode, "bench.jmh.WarmCreate");
    Map<String, Summary> figures = new LinkedHashMap<>();
    for (Map.Entry<String, String> label : LABELS.entrySet()) {
      JmhRun.Scores sc = scores.get("bench.jmh.WarmCreate." + label.getKey());
      if (sc != null) {
        figures.put(label.getValue(), Summary.of(sc.scores()));
      }
    }
    Summary sw = figures.get(SWITCH);
    s.headers("variant", "median", "min – max", "iterations", "× of switch");
    for (Map.Entry<String, Summary> e : figures.entrySet()) {
      Summary f = e.getValue();
      s.row(e.getKey(), Format.median(f, "ns/op"), Format.range(f) + " ns/op",
          String.valueOf(f.count()), sw == null ? "n/a" : Format.times(f.median() / sw.median()));
    }
    verdict(s, figures, "Patchbay GreeterRegistry.create(name)", "within 1.5× of switch");
    verdict(s, figures, "Patchbay Registries.of(..).create(name)",
        "within 1.5× of switch (Registries.of)");
    Summary bucketed = figures.get("hand-written switch split into 64 small methods");
    if (sw != null && bucketed != null && sw.median() > 5 * bucketed.median()) {
      s.note("A single `switch` over " + mode.plugins() + " names compiles to more than 8,000 "
          + "bytes of bytecode, HotSpot's limit (`-XX:-DontCompileHugeMethods` lifts it) for "
          + "JIT-compiling a method: it runs interpreted forever, hence "
          + Format.median(sw, "ns") + " against " + Format.median(bucketed, "ns")
          + " for the same switch split into small methods. A generated `create` that is one "
          + "such switch inherits this; the target is relative to the plain switch, as the "
          + "issue states it.");
    }
    Summary mine = figures.get("Patchbay GreeterRegistry.create(name)");
    Summary map = figures.get("Map<String, Supplier>");
    if (mine != null && sw != null && map != null) {
      s.headline("Warm `create(name)` (JMH): " + Format.median(mine, "ns") + " vs a hand-written "
          + "`switch` " + Format.median(sw, "ns") + " (" + Format.times(mine.median() / sw.median())
          + ") and a `Map<String, Supplier>` " + Format.median(map, "ns") + ".");
    }
    List<Charts.Bar> bars = new ArrayList<>();
    for (Map.Entry<String, Summary> e : figures.entrySet()) {
      Summary f = e.getValue();
      bars.add(new Charts.Bar(e.getKey(), f.median(), f.min(), f.max(),
          e.getKey().startsWith("Patchbay")));
    }
    if (!bars.isEmpty()) {
      Charts.bars(charts.resolve("warm-create.png"), "Warm create(name), " + mode.plugins()
          + " plugins (JMH, lower is better)", "ns/op", bars, false);
      s.chart("warm-create.png");
    }
    return List.of(s);
  }

  private static void verdict(Section s, Map<String, Summary> figures, String subject,
      String text) {
    Summary sw = figures.get(SWITCH);
    Summary f = figures.get(subject);
    if (sw == null || f == null) {
      s.verdict(new Verdict(text, "not measured", false));
      return;
    }
    double r = f.median() / sw.median();
    s.verdict(new Verdict(text, Format.times(r) + " of switch", r <= 1.5));
  }

  private static String benchmarkSource(PluginSources sources) {
    StringBuilder puts = new StringBuilder();
    for (int i = 0; i < sources.count(); i++) {
      puts.append("    SUPPLIERS.put(\"").append(PluginSources.pluginName(i)).append("\", ")
          .append(PluginSources.PLUGIN_PACKAGE).append('.').append(PluginSources.className(i))
          .append("::new);\n");
    }
    return """
        package bench.jmh;

        import bench.api.Greeter;
        import java.util.HashMap;
        import java.util.Map;
        import java.util.concurrent.TimeUnit;
        import java.util.function.Supplier;
        import org.openjdk.jmh.annotations.Benchmark;
        import org.openjdk.jmh.annotations.BenchmarkMode;
        import org.openjdk.jmh.annotations.Mode;
        import org.openjdk.jmh.annotations.OutputTimeUnit;
        import org.openjdk.jmh.annotations.Scope;
        import org.openjdk.jmh.annotations.State;

        /** Warm create(name): generated registry vs map of suppliers vs switch. */
        @State(Scope.Thread)
        @BenchmarkMode(Mode.AverageTime)
        @OutputTimeUnit(TimeUnit.NANOSECONDS)
        public class WarmCreate {
          private static final Map<String, Supplier<Greeter>> SUPPLIERS = new HashMap<>();

          static {
        PUTS  }

          /** Not final, so the JIT cannot treat the looked-up name as a constant. */
          public String name = "NAME";

          private final dev.patchbay.Registry<Greeter> merged =
              dev.patchbay.Registries.of(Greeter.class);

          @Benchmark
          public Greeter patchbayCreate() {
            return bench.api.GreeterRegistry.create(name);
          }

          @Benchmark
          public Greeter patchbayMergedCreate() {
            return merged.create(name);
          }

          @Benchmark
          public Greeter mapOfSuppliers() {
            return SUPPLIERS.get(name).get();
          }

          @Benchmark
          public Greeter handWrittenSwitch() {
            return bench.plugins.HandWrittenCatalog.create(name);
          }

          @Benchmark
          public Greeter bucketedSwitch() {
            return bench.plugins.BucketedSwitch.create(name);
          }
        }
        """.replace("PUTS", puts.toString()).replace("NAME", sources.middleName());
  }

  private static String firstError(String output) {
    for (String line : output.lines().toList()) {
      if (line.contains("error")) {
        return line.strip();
      }
    }
    return output.strip();
  }
}
