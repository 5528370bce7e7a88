package dev.patchbay.benchmarks.compile;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the processor costs a build: wall time of a fresh javac process compiling many plugin
 * sources without a processor, with Patchbay's, and with AutoService's.
 */
public final class CompileCostSuite {
  private static final String NONE = "javac, no processor";
  private static final String PATCHBAY = "javac + Patchbay processor";
  private static final String AUTO_SERVICE = "javac + AutoService processor";
  private static final String GENERATED_ONLY = "javac, no processor, Patchbay's generated sources added";
  private static final String DO_NOTHING = "javac + a processor that does nothing";
  private static final String ONE_CLASS = "javac + a processor that writes one empty class";

  /** Claims every annotation ("*", as Patchbay's contracts step does) and does nothing. */
  private static final String DO_NOTHING_SOURCE = """
      package floor;

      import java.util.Set;
      import javax.annotation.processing.AbstractProcessor;
      import javax.annotation.processing.RoundEnvironment;
      import javax.annotation.processing.SupportedAnnotationTypes;
      import javax.lang.model.SourceVersion;
      import javax.lang.model.element.TypeElement;

      @SupportedAnnotationTypes("*")
      public final class DoNothing extends AbstractProcessor {
        @Override
        public SourceVersion getSupportedSourceVersion() {
          return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
          return false;
        }
      }
      """;

  /**
   * Writes one empty class in the first round, as any processor that generates code must: javac
   * then runs one more round than for a processor writing only resources (as AutoService does).
   */
  private static final String ONE_CLASS_SOURCE = """
      package floor;

      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.io.Writer;
      import java.util.Set;
      import javax.annotation.processing.AbstractProcessor;
      import javax.annotation.processing.RoundEnvironment;
      import javax.annotation.processing.SupportedAnnotationTypes;
      import javax.lang.model.SourceVersion;
      import javax.lang.model.element.TypeElement;

      @SupportedAnnotationTypes("*")
      public final class OneClass extends AbstractProcessor {
        private boolean written;

        @Override
        public SourceVersion getSupportedSourceVersion() {
          return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
          if (!written && !round.processingOver()) {
            written = true;
            try (Writer out = processingEnv.getFiler().createSourceFile("floor.Generated").openWriter()) {
              out.write("package floor; final class Generated {}");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return false;
        }
      }
      """;

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;
  private final Path charts;

  /** One javac configuration: which sources, which class path and processor path. */
  private record Config(String label, List<Path> sources, List<Path> classpath,
      List<Path> processorPath, String expectedOutput) {}

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work scratch directory
   * @param mode repetition counts and input size
   * @param charts directory receiving the PNG chart
   */
  public CompileCostSuite(Toolchain tc, Path work, Mode mode, Path charts) {
    this.tc = tc;
    this.work = work.resolve("compile");
    this.mode = mode;
    this.charts = charts;
  }

  /**
   * Generates the inputs, runs every javac configuration in interleaved rounds, and reports.
   *
   * @return the compile-cost section
   * @throws IOException when inputs cannot be written
   * @throws InterruptedException when interrupted
   */
  public List<Section> run() throws IOException, InterruptedException {
    Javac.deleteTree(work);
    PluginSources sources = new PluginSources(mode.compileSources());
    List<Path> patchbaySources = sources.writePlugins(Variant.PATCHBAY, work.resolve("src-patchbay"));
    List<Path> autoSources =
        sources.writePlugins(Variant.SERVICE_LOADER, work.resolve("src-autoservice"));
    List<Path> annotations = tc.jars("patchbay-annotations-");
    List<Config> configs = List.of(
        new Config(NONE, patchbaySources, annotations, null, null),
        new Config(PATCHBAY, patchbaySources, annotations,
            tc.patchbayProcessorPath(), "bench/api/GreeterRegistry.class"),
        new Config(AUTO_SERVICE, autoSources, tc.jars("auto-service-annotations-"),
            tc.autoServiceProcessorPath(), "META-INF/services/" + PluginSources.EXTENSION_POINT),
        new Config(DO_NOTHING, patchbaySources, annotations,
            floorProcessor("DoNothing", DO_NOTHING_SOURCE), null),
        new Config(ONE_CLASS, patchbaySources, annotations,
            floorProcessor("OneClass", ONE_CLASS_SOURCE), "floor/Generated.class"),
        new Config(GENERATED_ONLY, withGeneratedSources(patchbaySources), annotations, null,
            "bench/api/GreeterRegistry.class"));
    Map<Config, List<Double>> seconds = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    Map<Config, String> failures = new LinkedHashMap<>();
    for (Config c : configs) {
      seconds.put(c, new ArrayList<>());
    }
    // Each javac is a fresh process; the sources were just written, so the file cache is warm
    // and no round needs discarding.
    for (int round = 1; round <= mode.compileRuns(); round++) {
      for (Config c : configs) {
        if (failures.containsKey(c)) {
          continue;
        }
        Path out = work.resolve("out-" + seconds.size() + "-" + configs.indexOf(c));
        Processes.Outcome javac = Javac.compile(tc, c.sources(), out, c.classpath(),
            c.processorPath());
        if (javac.exitCode() != 0) {
          failures.put(c, firstError(javac.stderr() + javac.stdout()));
          System.err.println("[compile] " + c.label() + " failed:\n" + javac.stderr());
        } else if (c.expectedOutput() != null && !Files.exists(out.resolve(c.expectedOutput()))) {
          failures.put(c, "javac succeeded but wrote no " + c.expectedOutput()
              + ": the processor did not run");
        } else {
          seconds.get(c).add(javac.wallNanos() / 1e9);
          if (!Double.isNaN(Javac.lastCpuSeconds())) {
            cpu.computeIfAbsent(c.label(), k -> new ArrayList<>()).add(Javac.lastCpuSeconds());
          }
        }
        Javac.deleteTree(out);
      }
      System.out.println("[compile] round " + round + " of " + mode.compileRuns() + " done");
    }
    return List.of(section(configs, seconds, cpu, failures));
  }

  /**
   * Compiles one of the floor processors into its own directory with its service file: a
   * processor path holding only it.
   */
  private List<Path> floorProcessor(String simpleName, String source)
      throws IOException, InterruptedException {
    Path dir = work.resolve("floor-" + simpleName);
    Path src = dir.resolve("src/floor/" + simpleName + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = dir.resolve("classes");
    Processes.Outcome javac = Javac.build(tc, List.of(src), classes, List.of(), null);
    if (javac.exitCode() != 0) {
      throw new IllegalStateException("the " + simpleName + " floor processor does not compile:\n"
          + javac.stderr());
    }
    Path services = classes.resolve("META-INF/services/javax.annotation.processing.Processor");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "floor." + simpleName + "\n");
    return List.of(classes);
  }

  /**
   * The plugin sources plus the registry and index Patchbay's processor generates for them (javac
   * writes generated sources next to the classes when no {@code -s} is given), so that compiling
   * Patchbay's output can be timed without running any processor.
   */
  private List<Path> withGeneratedSources(List<Path> sources)
      throws IOException, InterruptedException {
    Path out = work.resolve("generated-by-patchbay");
    Processes.Outcome javac = Javac.build(tc, sources, out, tc.jars("patchbay-annotations-"),
        tc.patchbayProcessorPath());
    if (javac.exitCode() != 0) {
      throw new IllegalStateException("the Patchbay inputs do not compile:\n" + javac.stderr());
    }
    List<Path> all = new ArrayList<>(sources);
    Path generatedDir = work.resolve("generated-sources");
    Javac.deleteTree(generatedDir);
    try (var files = Files.walk(out)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path copy = generatedDir.resolve(out.relativize(file));
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
        all.add(copy);
      }
    }
    if (all.size() == sources.size()) {
      throw new IllegalStateException("Patchbay's processor generated no source in " + out);
    }
    return all;
  }

  private Section section(List<Config> configs, Map<Config, List<Double>> seconds,
      Map<String, List<Double>> cpu, Map<Config, String> failures) throws IOException {
    Section s = new Section("Compile cost: javac on " + String.format(Locale.ROOT, "%,d",
        mode.compileSources()) + " plugin sources",
        "Wall time of one fresh `javac --release 17` process (JVM start included, as in a "
        + "build) compiling the extension point and " + mode.compileSources() + " plugin classes "
        + "into an empty directory. \"No processor\" compiles the Patchbay-annotated sources "
        + "with `-proc:none`; each processor run has only its own processor on "
        + "`-processorpath`. The last three rows are floors, to tell what any processor costs "
        + "from what Patchbay's costs: a processor that does nothing, one that writes a single "
        + "empty class, and the plain compile of the sources Patchbay generates for these "
        + "plugins (no processor run). Median of " + mode.compileRuns() + " runs per "
        + "configuration, interleaved (one round runs each configuration once).");
    Map<String, Summary> figures = new LinkedHashMap<>();
    for (Config c : configs) {
      if (!seconds.get(c).isEmpty()) {
        figures.put(c.label(), Summary.of(seconds.get(c)));
      }
    }
    Summary none = figures.get(NONE);
    s.headers("configuration", "median", "min – max", "runs", "× of no processor",
        "javac CPU, median", "CPU × of no processor");
    Summary noneCpu = cpu.containsKey(NONE) ? Summary.of(cpu.get(NONE)) : null;
    for (Map.Entry<String, Summary> e : figures.entrySet()) {
      Summary f = e.getValue();
      Summary c = cpu.containsKey(e.getKey()) ? Summary.of(cpu.get(e.getKey())) : null;
      s.row(e.getKey(), Format.median(f, "s"), Format.range(f) + " s",
          String.valueOf(f.count()), none == null ? "n/a" : Format.times(f.median() / none.median()),
          c == null ? "n/a" : Format.median(c, "s"),
          c == null || noneCpu == null ? "n/a" : Format.times(c.median() / noneCpu.median()));
    }
    s.note("Targets are judged on wall time, as a build feels it. \"javac CPU\" is the process's "
        + "user + system CPU time (from the waiting shell's `/proc` stat): on a shared machine "
        + "it moves far less than wall time, so it tells whether a difference is the compiler's "
        + "work or the machine's load.");
    for (Map.Entry<Config, String> e : failures.entrySet()) {
      s.note("**" + e.getKey().label() + " not measured**: " + e.getValue());
    }
    Summary patchbay = figures.get(PATCHBAY);
    Summary auto = figures.get(AUTO_SERVICE);
    Summary doNothing = figures.get(DO_NOTHING);
    Summary oneClass = figures.get(ONE_CLASS);
    Summary generatedOnly = figures.get(GENERATED_ONLY);
    if (patchbay != null && none != null) {
      double r = patchbay.median() / none.median();
      String floor = null;
      if (doNothing != null && doNothing.median() / none.median() > 1.10) {
        floor = "A processor that does nothing costs " + Format.times(doNothing.median()
            / none.median()) + " of no processor in this same run: once any processor is on the "
            + "path, javac runs annotation-processing rounds and, between rounds, enters every "
            + "source again. No annotation processor can be within 1.10× on this input; "
            + "Patchbay's own cost above that floor is "
            + Format.num(patchbay.median() - doNothing.median()) + " s.";
      }
      s.verdict(new Verdict("≤ 1.10× of no processor", Format.times(r), r <= 1.10, floor));
    } else {
      s.verdict(new Verdict("≤ 1.10× of no processor", "not measured", false));
    }
    if (patchbay != null && auto != null) {
      double r = patchbay.median() / auto.median();
      String floor = null;
      if (oneClass != null && generatedOnly != null && none != null) {
        // What Patchbay cannot avoid: the extra round of any processor that writes a class, and
        // compiling the registry it writes (timed without a processor, so without the round).
        double bound = oneClass.median() + generatedOnly.median() - none.median();
        if (bound > auto.median()) {
          floor = "Any processor that generates code runs one round more than AutoService, which "
              + "writes only a resource file: the processor writing one empty class takes "
              + Format.times(oneClass.median() / auto.median()) + " of AutoService here. Compiling "
              + "the registry and index Patchbay generates for these plugins adds "
              + Format.num(generatedOnly.median() - none.median()) + " s"
              + " to plain javac. Together that is a floor of "
              + Format.num(bound) + " s = "
              + Format.times(bound / auto.median()) + " of AutoService for a processor that "
              + "generates a typed registry at all; "
              + (patchbay.median() > bound
                  ? "Patchbay's own processing adds " + Format.num(patchbay.median() - bound)
                      + " s to it."
                  : "Patchbay measured at that floor.");
        }
      }
      s.verdict(new Verdict("not slower than AutoService", Format.times(r) + " of AutoService",
          r <= 1.0, floor));
    } else {
      s.verdict(new Verdict("not slower than AutoService", "not measured", false));
    }
    if (patchbay != null && none != null && auto != null) {
      s.headline("Compile cost, javac on " + String.format(Locale.ROOT, "%,d", mode.compileSources())
          + " plugin sources: " + Format.median(none, "s") + " without a processor, "
          + Format.median(patchbay, "s") + " with Patchbay's ("
          + Format.times(patchbay.median() / none.median()) + "), " + Format.median(auto, "s")
          + " with AutoService's (" + Format.times(auto.median() / none.median()) + ").");
    }
    if (!figures.isEmpty()) {
      List<Charts.Bar> bars = new ArrayList<>();
      for (Map.Entry<String, Summary> e : figures.entrySet()) {
        Summary f = e.getValue();
        bars.add(new Charts.Bar(e.getKey(), f.median(), f.min(), f.max(),
            e.getKey().equals(PATCHBAY)));
      }
      Charts.bars(charts.resolve("compile-cost.png"), "Compile cost, " + mode.compileSources()
          + " plugin sources (fresh javac, lower is better)", "seconds", bars, false);
      s.chart("compile-cost.png");
    }
    return s;
  }

  private static String firstError(String output) {
    for (String line : output.lines().toList()) {
      if (line.contains("error")) {
        return line.strip();
      }
    }
    return output.strip().isEmpty() ? "no output" : output.strip().lines().findFirst().orElse("");
  }
}
