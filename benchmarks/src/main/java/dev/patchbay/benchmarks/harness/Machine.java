package dev.patchbay.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Describes the machine a run measured on, from /proc where available. */
public final class Machine {
  private Machine() {}

  /**
   * The CPU model and logical core count.
   *
   * @return e.g. "2 cores, Intel(R) Xeon(R) ..."
   */
  public static String cpu() {
    String model = "unknown CPU";
    for (String line : read("/proc/cpuinfo").lines().toList()) {
      if (line.startsWith("model name")) {
        model = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    return Runtime.getRuntime().availableProcessors() + " cores, " + model;
  }

  /**
   * Total physical memory.
   *
   * @return e.g. "23.5 GiB"
   */
  public static String memory() {
    for (String line : read("/proc/meminfo").lines().toList()) {
      if (line.startsWith("MemTotal:")) {
        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
      }
    }
    return "unknown";
  }

  /**
   * The operating system and kernel.
   *
   * @return e.g. "Debian GNU/Linux 12 (bookworm), Linux 6.1 amd64"
   */
  public static String os() {
    String pretty = "";
    for (String line : read("/etc/os-release").lines().toList()) {
      if (line.startsWith("PRETTY_NAME=")) {
        pretty = line.substring("PRETTY_NAME=".length()).replace("\"", "") + ", ";
      }
    }
    return pretty + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch");
  }

  /**
   * The 1, 5 and 15 minute load averages.
   *
   * @return e.g. "1.52 1.10 0.80", or "unknown"
   */
  public static String loadAverage() {
    String[] parts = read("/proc/loadavg").trim().split(" ", -1);
    return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }
}
