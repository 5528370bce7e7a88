package dev.patchbay.benchmarks.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDKs and library jars the harness hands to child processes.
 *
 * <p>Jars come from the class path Maven resolved for the benchmarks module (written to
 * {@code target/classpath.txt} by {@code run.sh}'s build); each processor path is picked from it
 * by artifact name, so one variant's compiler never sees another variant's processor.
 */
public final class Toolchain {
  private final Path javaHome;
  private final Path jdk25Home;
  private final List<Path> jars;
  private final Path benchmarkClasses;

  /**
   * Creates a toolchain.
   *
   * @param javaHome the default JDK (17), whose java and javac run most measurements
   * @param jdk25Home a JDK 25, or null when none is installed
   * @param classpathFile the file listing the resolved jars, separated by the path separator
   * @param benchmarkClasses this module's compiled classes
   * @throws IOException when the class path file cannot be read
   */
  public Toolchain(Path javaHome, Path jdk25Home, Path classpathFile, Path benchmarkClasses)
      throws IOException {
    this.javaHome = javaHome;
    this.jdk25Home = jdk25Home;
    this.benchmarkClasses = benchmarkClasses;
    List<Path> found = new ArrayList<>();
    for (String entry : Files.readString(classpathFile, StandardCharsets.UTF_8).trim()
        .split(File.pathSeparator, -1)) {
      if (!entry.isBlank()) {
        found.add(Path.of(entry));
      }
    }
    this.jars = List.copyOf(found);
  }

  /**
   * The {@code java} launcher of the default JDK.
   *
   * @return its path
   */
  public String java() {
    return javaHome.resolve("bin/java").toString();
  }

  /**
   * The {@code javac} of the default JDK.
   *
   * @return its path
   */
  public String javac() {
    return javaHome.resolve("bin/javac").toString();
  }

  /**
   * The {@code java} launcher of JDK 25.
   *
   * @return its path, or null when JDK 25 is not installed
   */
  public String java25() {
    return jdk25Home == null ? null : jdk25Home.resolve("bin/java").toString();
  }

  /**
   * Version string of a JDK's launcher, as {@code java -version} prints it first.
   *
   * @param java path of a java launcher
   * @return the first line of its version output
   */
  public static String versionOf(String java) {
    try {
      Process p = new ProcessBuilder(java, "-XshowSettings:properties", "-version")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      String vendor = "";
      String version = "";
      for (String line : out.lines().toList()) {
        String t = line.trim();
        if (t.startsWith("java.vm.vendor = ")) {
          vendor = t.substring("java.vm.vendor = ".length());
        } else if (t.startsWith("java.runtime.version = ")) {
          version = t.substring("java.runtime.version = ".length());
        }
      }
      return version + " (" + vendor + ")";
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /**
   * The jars whose file names start with any of {@code prefixes}.
   *
   * @param prefixes artifact-name prefixes such as {@code "pf4j-"}
   * @return the matching jars, in class path order
   * @throws IllegalStateException when a prefix matches nothing
   */
  public List<Path> jars(String... prefixes) {
    List<Path> picked = new ArrayList<>();
    for (String prefix : prefixes) {
      boolean any = false;
      for (Path jar : jars) {
        if (jar.getFileName().toString().startsWith(prefix) && !picked.contains(jar)) {
          picked.add(jar);
          any = true;
        }
      }
      if (!any) {
        throw new IllegalStateException("no jar named " + prefix + "* on the resolved class path "
            + jars + "; rebuild with benchmarks/run.sh, which resolves every benchmark library");
      }
    }
    return picked;
  }

  /**
   * This module's compiled classes, for child processes that need only a probe class.
   *
   * @return the classes directory
   */
  public Path benchmarkClasses() {
    return benchmarkClasses;
  }

  /**
   * Every resolved jar plus this module's classes: the class path of harness child processes.
   *
   * @return the class path string
   */
  public String fullClasspath() {
    List<Path> all = new ArrayList<>();
    all.add(benchmarkClasses);
    all.addAll(jars);
    return join(all);
  }

  /**
   * The Patchbay processor path: processor, JavaPoet, annotations.
   *
   * @return the jars
   */
  public List<Path> patchbayProcessorPath() {
    return jars("patchbay-processor-", "javapoet-", "patchbay-annotations-");
  }

  /**
   * The AutoService processor path with its Guava dependencies.
   *
   * @return the jars
   */
  public List<Path> autoServiceProcessorPath() {
    return jars("auto-service-", "auto-common-", "guava-", "failureaccess-");
  }

  /**
   * PF4J and what it needs at compile and run time.
   *
   * @return the jars
   */
  public List<Path> pf4j() {
    return jars("pf4j-", "slf4j-api-", "java-semver-");
  }

  /**
   * Joins paths with the platform's path separator.
   *
   * @param paths the paths
   * @return one class path string
   */
  public static String join(List<Path> paths) {
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      names.add(p.toString());
    }
    return String.join(File.pathSeparator, names);
  }
}
