package dev.patchbay.benchmarks.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiles generated sources in a fresh javac process and packs the classes into a jar. */
public final class Javac {
  private Javac() {}

  /**
   * Compiles {@code sources} into a fresh {@code outDir}.
   *
   * @param tc the toolchain whose javac runs
   * @param sources the source files
   * @param outDir the class output directory; emptied first
   * @param classpath the compile class path
   * @param processorPath the processor path, or null to compile with {@code -proc:none}
   * @return the finished javac process (its wall time is the compile cost)
   * @throws IOException when javac cannot be started
   * @throws InterruptedException when interrupted while waiting
   */
  public static Processes.Outcome compile(Toolchain tc, List<Path> sources, Path outDir,
      List<Path> classpath, List<Path> processorPath) throws IOException, InterruptedException {
    return compile(tc, sources, outDir, classpath, processorPath, false);
  }

  /**
   * Compiles inputs whose compile time is not measured, with JIT settings that make a short
   * javac run cheaper on a busy machine.
   *
   * @param tc the toolchain whose javac runs
   * @param sources the source files
   * @param outDir the class output directory; emptied first
   * @param classpath the compile class path
   * @param processorPath the processor path, or null for {@code -proc:none}
   * @return the finished javac process
   * @throws IOException when javac cannot be started
   * @throws InterruptedException when interrupted while waiting
   */
  public static Processes.Outcome build(Toolchain tc, List<Path> sources, Path outDir,
      List<Path> classpath, List<Path> processorPath) throws IOException, InterruptedException {
    return compile(tc, sources, outDir, classpath, processorPath, true);
  }

  /**
   * Compiles {@code sources} into {@code outDir} without emptying it, with {@code outDir} first
   * on the class path: the partial build an IDE or incremental build makes.
   *
   * @param tc the toolchain whose javac runs
   * @param sources the source files compiled now
   * @param outDir the class output directory, holding the earlier output
   * @param classpath the rest of the compile class path
   * @param processorPath the processor path, or null to compile with {@code -proc:none}
   * @return the finished javac process (its wall time is the compile cost)
   * @throws IOException when javac cannot be started
   * @throws InterruptedException when interrupted while waiting
   */
  public static Processes.Outcome recompile(Toolchain tc, List<Path> sources, Path outDir,
      List<Path> classpath, List<Path> processorPath) throws IOException, InterruptedException {
    List<Path> withOutput = new ArrayList<>();
    withOutput.add(outDir);
    withOutput.addAll(classpath);
    return compile(tc, sources, outDir, withOutput, processorPath, false, false);
  }

  private static Processes.Outcome compile(Toolchain tc, List<Path> sources, Path outDir,
      List<Path> classpath, List<Path> processorPath, boolean unmeasured)
      throws IOException, InterruptedException {
    return compile(tc, sources, outDir, classpath, processorPath, unmeasured, true);
  }

  private static Processes.Outcome compile(Toolchain tc, List<Path> sources, Path outDir,
      List<Path> classpath, List<Path> processorPath, boolean unmeasured, boolean clean)
      throws IOException, InterruptedException {
    if (clean) {
      deleteTree(outDir);
    }
    Files.createDirectories(outDir);
    Path argFile = outDir.resolveSibling(outDir.getFileName() + ".sources.txt");
    List<String> lines = new ArrayList<>();
    for (Path source : sources) {
      lines.add(source.toAbsolutePath().toString());
    }
    Files.write(argFile, lines, StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of(tc.javac(), "--release", "17",
        "-encoding", "UTF-8", "-nowarn", "-d", outDir.toString()));
    if (unmeasured) {
      command.addAll(1, List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
    }
    if (!classpath.isEmpty()) {
      command.add("-cp");
      command.add(Toolchain.join(classpath));
    }
    if (processorPath == null) {
      command.add("-proc:none");
    } else {
      command.add("-processorpath");
      command.add(Toolchain.join(processorPath));
    }
    command.add("@" + argFile);
    Path cpuFile = outDir.resolveSibling(outDir.getFileName() + ".cpu.txt");
    Files.deleteIfExists(cpuFile);
    List<String> wrapped = command;
    if (Files.isReadable(Path.of("/proc/self/stat")) && Files.isExecutable(Path.of("/bin/sh"))) {
      // A shell waits for javac, then copies its own /proc stat line, whose cutime and cstime
      // fields hold the CPU time of the children it waited for: javac's, in clock ticks.
      wrapped = new ArrayList<>(List.of("/bin/sh", "-c",
          "\"$0\" \"$@\"; rc=$?; cat /proc/$$/stat > '" + cpuFile + "'; exit $rc"));
      wrapped.addAll(command);
    }
    Processes.Outcome out = Processes.run(wrapped, outDir.getParent(), Duration.ofMinutes(10));
    lastCpuSeconds = readChildCpu(cpuFile);
    return out;
  }

  private static double lastCpuSeconds = Double.NaN;

  /**
   * CPU time (user + system) of the last javac that {@link #compile} ran, where Linux reports it.
   *
   * @return seconds, or NaN when unknown
   */
  public static double lastCpuSeconds() {
    return lastCpuSeconds;
  }

  private static double readChildCpu(Path statFile) {
    try {
      if (!Files.exists(statFile)) {
        return Double.NaN;
      }
      String stat = Files.readString(statFile, StandardCharsets.UTF_8).trim();
      // Fields after the parenthesised command name: state is field 3, cutime 16, cstime 17.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
      Files.delete(statFile);
      return ticks / 100.0; // USER_HZ is 100 on Linux
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Packs {@code classesDir} into {@code jar}, as a user's build would ship the plugins.
   *
   * @param classesDir the compiled classes and resources
   * @param jar the jar to (over)write
   * @throws IOException when a file cannot be read or written
   */
  public static void jar(Path classesDir, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classesDir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out)) {
      for (Path file : files) {
        String name = classesDir.relativize(file).toString().replace('\\', '/');
        jarOut.putNextEntry(new JarEntry(name));
        Files.copy(file, jarOut);
        jarOut.closeEntry();
      }
    }
  }

  /**
   * Deletes a directory tree if it exists.
   *
   * @param root the directory
   * @throws IOException when something cannot be deleted
   */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
