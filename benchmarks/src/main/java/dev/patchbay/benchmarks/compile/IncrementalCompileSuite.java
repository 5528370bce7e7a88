package dev.patchbay.benchmarks.compile;

import dev.patchbay.benchmarks.harness.Javac;
import dev.patchbay.benchmarks.harness.Mode;
import dev.patchbay.benchmarks.harness.Processes;
import dev.patchbay.benchmarks.harness.Summary;
import dev.patchbay.benchmarks.harness.Toolchain;
import dev.patchbay.benchmarks.inputs.PluginSources;
import dev.patchbay.benchmarks.inputs.Variant;
import dev.patchbay.benchmarks.report.Format;
import dev.patchbay.benchmarks.report.Section;
import dev.patchbay.benchmarks.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What an IDE's or incremental build's partial compile costs with the processor: one plugin of a
 * large module recompiled into the earlier output, with that output on the class path, with and
 * without Patchbay's processor.
 */
public final class IncrementalCompileSuite {
  private static final String NONE = "javac, no processor";
  private static final String PATCHBAY = "javac + Patchbay processor, method body edited";
  private static final String PATCHBAY_RENAMED =
      "javac + Patchbay processor, @Plugin description edited";
  private static final String FLOOR =
      "floor: javac, no processor, the edited plugin and the metadata class it regenerates";
  private static final List<String> CONFIGS = List.of(NONE, PATCHBAY, PATCHBAY_RENAMED, FLOOR);
  /** Where javac writes the registry's metadata class, relative to the output (no {@code -s}). */
  private static final String TEXTS_SOURCE =
      PluginSources.API_PACKAGE.replace('.', '/') + "/GreeterRegistry$Texts.java";

  private final Toolchain tc;
  private final Path work;
  private final Mode mode;

  /**
   * Creates the suite.
   *
   * @param tc JDK and jars
   * @param work scratch directory
   * @param mode repetition counts and input size
   */
  public IncrementalCompileSuite(Toolchain tc, Path work, Mode mode) {
    this.tc = tc;
    this.work = work.resolve("incremental");
    this.mode = mode;
  }

  /**
   * Builds the module once with the processor, then times recompiling one plugin into copies of
   * that output, interleaving the two configurations.
   *
   * @return the incremental-compile section
   * @throws IOException when inputs cannot be written
   * @throws InterruptedException when interrupted
   */
  public List<Section> run() throws IOException, InterruptedException {
    Javac.deleteTree(work);
    PluginSources sources = new PluginSources(mode.compileSources());
    List<Path> all = sources.writePlugins(Variant.PATCHBAY, work.resolve("src"));
    List<Path> annotations = tc.jars("patchbay-annotations-");
    Path base = work.resolve("full-build");
    Processes.Outcome full = Javac.build(tc, all, base, annotations, tc.patchbayProcessorPath());
    if (full.exitCode() != 0) {
      throw new IllegalStateException("the full build does not compile:\n" + full.stderr());
    }
    // Without -s javac wrote the generated sources beside the classes; a build keeps them
    // elsewhere, and on the class path javac would take them for sources to compile.
    try (Stream<Path> files = Files.walk(base)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Files.delete(file);
      }
    }
    // The middle plugin: not the extension point, not the first or last in any order. Its source
    // as it was compiled stands for a method body edit (same registration, so the same models);
    // a copy with another description is an edit of the registration, which the registry shows.
    Path edited = all.get(1 + sources.count() / 2);
    Path described = work.resolve("src-edited").resolve(edited.getFileName().toString());
    Files.createDirectories(described.getParent());
    String source = Files.readString(edited);
    if (!source.contains("description = \"")) {
      throw new IllegalStateException("no description to edit in " + edited);
    }
    Files.writeString(described, source.replace("description = \"", "description = \"Edited: "));
    List<Double> none = new ArrayList<>();
    List<Double> patchbay = new ArrayList<>();
    List<Double> renamed = new ArrayList<>();
    List<Double> floor = new ArrayList<>();
    List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    // The metadata class a description edit regenerates, kept from the first such run: javac
    // compiling it with the edited plugin is what any processor that regenerates it must pay.
    Path texts = work.resolve("src-regenerated").resolve(TEXTS_SOURCE);
    String failure = null;
    for (int round = 1; round <= mode.compileRuns() && failure == null; round++) {
      for (String config : CONFIGS) {
        Path out = work.resolve("out-" + round + "-" + CONFIGS.indexOf(config));
        copyTree(base, out);
        boolean withProcessor = config.equals(PATCHBAY) || config.equals(PATCHBAY_RENAMED);
        List<Path> compiled = config.equals(PATCHBAY) || config.equals(NONE) ? List.of(edited)
            : config.equals(PATCHBAY_RENAMED) ? List.of(described) : List.of(described, texts);
        Processes.Outcome javac = Javac.recompile(tc, compiled, out, annotations,
            withProcessor ? tc.patchbayProcessorPath() : null);
        if (javac.exitCode() != 0) {
          failure = config + " failed: " + javac.stderr().strip();
          break;
        }
        double cpuSeconds = Javac.lastCpuSeconds();
        if (withProcessor) {
          String problem = checkMerged(out, sources.count());
          if (problem != null) {
            failure = problem;
            break;
          }
          (config.equals(PATCHBAY) ? patchbay : renamed).add(javac.wallNanos() / 1e9);
          Path generatedTexts = out.resolve(TEXTS_SOURCE);
          if (config.equals(PATCHBAY_RENAMED) && Files.notExists(texts)) {
            if (Files.notExists(generatedTexts)) {
              failure = "the description edit regenerated no " + TEXTS_SOURCE;
              break;
            }
            Files.createDirectories(texts.getParent());
            Files.copy(generatedTexts, texts);
          }
        } else {
          (config.equals(NONE) ? none : floor).add(javac.wallNanos() / 1e9);
        }
        if (!Double.isNaN(cpuSeconds)) {
          cpu.get(CONFIGS.indexOf(config)).add(cpuSeconds);
        }
        Javac.deleteTree(out);
      }
      System.out.println("[incremental] round " + round + " of " + mode.compileRuns() + " done");
    }
    return List.of(section(none, patchbay, renamed, floor, cpu, failure));
  }

  /** The recompile must have kept every plugin: the measured run did the real merge. */
  private static String checkMerged(Path out, int plugins) throws IOException {
    Path state = out.resolve("META-INF/patchbay/generated.tsv");
    if (!Files.exists(state)) {
      return "the processor wrote no " + state.getFileName() + ": it did not run";
    }
    long listed;
    try (Stream<String> lines = Files.lines(state)) {
      listed = lines.filter(l -> l.startsWith("plugin\t")).count();
    }
    if (listed != plugins) {
      return "the recompiled registry lists " + listed + " plugins, not " + plugins;
    }
    return null;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Javac.deleteTree(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private Section section(List<Double> none, List<Double> patchbay, List<Double> renamed,
      List<Double> floor, List<List<Double>> cpu, String failure) {
    Section s = new Section("Incremental compile: one plugin of " + String.format(Locale.ROOT, "%,d",
        mode.compileSources()) + " recompiled",
        "What an IDE or incremental build pays: one plugin source recompiled by a fresh `javac"
        + " --release 17` into a copy of the module's earlier output, with that output on the"
        + " class path. With the processor, Patchbay reads back what it generated before. When"
        + " the plugin's registration is unchanged (a method body edited), it checks that the"
        + " other " + (mode.compileSources() - 1) + " plugins' class files are still there and"
        + " regenerates nothing; when its `@Plugin` description changed, it takes the other"
        + " plugins' registrations from its state (their class files were not recompiled),"
        + " regenerates only the registry's metadata class (`GreeterRegistry$Texts`, every"
        + " plugin's name and description), which javac then compiles, and rewrites the plugin"
        + " listing beside the index; the registry's factory switches, which name every plugin"
        + " class, and the index, which holds no descriptions, stay as they were. Each"
        + " run is checked to list every plugin. Without a processor, javac compiles the one file"
        + " with `-proc:none`. Median of " + mode.compileRuns() + " runs per configuration,"
        + " interleaved.");
    s.headers("configuration", "median", "min – max", "runs", "× of no processor",
        "javac CPU, median", "CPU × of no processor");
    Summary noneCpu = cpu.get(0).isEmpty() ? null : Summary.of(cpu.get(0));
    Summary noneSummary = none.isEmpty() ? null : Summary.of(none);
    Summary patchbaySummary = patchbay.isEmpty() ? null : Summary.of(patchbay);
    Summary renamedSummary = renamed.isEmpty() ? null : Summary.of(renamed);
    Summary floorSummary = floor.isEmpty() ? null : Summary.of(floor);
    for (String label : CONFIGS) {
      Summary f = label.equals(NONE) ? noneSummary
          : label.equals(PATCHBAY) ? patchbaySummary
          : label.equals(PATCHBAY_RENAMED) ? renamedSummary : floorSummary;
      List<Double> cpuOf = cpu.get(CONFIGS.indexOf(label));
      Summary c = cpuOf.isEmpty() ? null : Summary.of(cpuOf);
      if (f != null) {
        s.row(label, Format.median(f, "s"), Format.range(f) + " s", String.valueOf(f.count()),
            noneSummary == null ? "n/a" : Format.times(f.median() / noneSummary.median()),
            c == null ? "n/a" : Format.median(c, "s"),
            c == null || noneCpu == null ? "n/a" : Format.times(c.median() / noneCpu.median()));
      }
    }
    if (failure != null) {
      s.note("**not measured**: " + failure);
    }
    s.note("The floor row compiles, without a processor, what a description edit must have"
        + " compiled: the plugin and the metadata class the processor regenerated for it (kept"
        + " from the first description-edit run). The description-edit row minus the floor is"
        + " the processor's own share: reading its state and merging " + mode.compileSources()
        + " registrations in a fresh compiler, and writing the class.");
    s.note("Targets are judged on wall time, as a build feels it. \"javac CPU\" is the process's"
        + " user + system CPU time (from the waiting shell's `/proc` stat), JIT and GC threads"
        + " included: on a shared machine it moves far less than wall time.");
    if (noneSummary != null && renamedSummary != null) {
      double r = renamedSummary.median() / noneSummary.median();
      s.verdict(new Verdict("≤ 1.3× of no processor, @Plugin description edited", Format.times(r),
          r <= 1.3));
    } else {
      s.verdict(new Verdict("≤ 1.3× of no processor, @Plugin description edited", "not measured",
          false));
    }
    if (noneSummary != null && patchbaySummary != null) {
      double r = patchbaySummary.median() / noneSummary.median();
      s.verdict(new Verdict("≤ 1.3× of no processor, method body edited", Format.times(r), r <= 1.3));
      s.headline("Incremental compile, one plugin of " + String.format(Locale.ROOT, "%,d", mode.compileSources())
          + " recompiled: " + Format.median(noneSummary, "s") + " without a processor, "
          + Format.median(patchbaySummary, "s") + " with Patchbay's (" + Format.times(r) + ")"
          + (renamedSummary == null ? "" : ", " + Format.median(renamedSummary, "s") + " ("
              + Format.times(renamedSummary.median() / noneSummary.median())
              + ") when its @Plugin changed") + ".");
    } else {
      s.verdict(new Verdict("≤ 1.3× of no processor, method body edited", "not measured", false));
    }
    return s;
  }
}
