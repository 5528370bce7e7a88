package dev.patchbay.benchmarks.cold;

import dev.patchbay.benchmarks.inputs.PluginSources;
import dev.patchbay.benchmarks.inputs.Variant;

/**
 * Sources of the small programs that each time one cold call in a fresh JVM.
 *
 * <p>Each program takes the operation as its first argument and prints one line,
 * {@code COLD entered=<nanoTime at main> elapsed=<ns> count=<n> check=<sum> cpu=<ns>}, where
 * cpu is the calling thread's CPU time over the same region. The timed region
 * is free of lambdas and string concatenation in every variant, so no variant pays for an
 * invokedynamic bootstrap it did not choose; what the library does inside is its own cost.
 */
final class ColdDrivers {
  /** Fully qualified name of every variant's driver class. */
  static final String MAIN_CLASS = "bench.driver.Cold";

  private ColdDrivers() {}

  /**
   * The driver's compilation unit for {@code variant}.
   *
   * @param variant the variant whose API the driver calls
   * @return Java source of {@code bench.driver.Cold}
   */
  static String source(Variant variant) {
    String ep = PluginSources.EXTENSION_POINT;
    String body = switch (variant) {
      case PATCHBAY -> """
            if (op.equals("list")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              java.util.List<dev.patchbay.PluginInfo> plugins = bench.api.GreeterRegistry.plugins();
              for (dev.patchbay.PluginInfo p : plugins) {
                check += p.name().length() + p.description().length() + p.implementation().length();
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = plugins.size();
            } else if (op.equals("list-merged")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              java.util.List<dev.patchbay.PluginInfo> plugins =
                  dev.patchbay.Registries.of(Greeter.class).plugins();
              for (dev.patchbay.PluginInfo p : plugins) {
                check += p.name().length() + p.description().length() + p.implementation().length();
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = plugins.size();
            } else if (op.equals("one")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              Greeter plugin = bench.api.GreeterRegistry.create(target);
              check = plugin.name().length();
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = 1;
            } else if (op.equals("discover")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              dev.patchbay.spi.PluginIndex index = java.util.ServiceLoader
                  .load(dev.patchbay.spi.PluginIndex.class).iterator().next();
              check = index.extensionPoints().size();
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = 1;
            } else if (op.equals("one-merged")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              Greeter plugin = dev.patchbay.Registries.of(Greeter.class).create(target);
              check = plugin.name().length();
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = 1;
            } else if (op.equals("all")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              java.util.List<Greeter> all = bench.api.GreeterRegistry.createAll();
              for (Greeter plugin : all) {
                check += plugin.name().length();
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = all.size();
            } else if (op.equals("all-merged")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              java.util.List<Greeter> all = dev.patchbay.Registries.of(Greeter.class).createAll();
              for (Greeter plugin : all) {
                check += plugin.name().length();
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = all.size();
            }
          """;
      case SERVICE_LOADER -> """
            if (op.equals("list")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              java.util.Iterator<java.util.ServiceLoader.Provider<Greeter>> it =
                  java.util.ServiceLoader.load(Greeter.class).stream().iterator();
              while (it.hasNext()) {
                Class<? extends Greeter> type = it.next().type();
                check += type.getName().length();
                count++;
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
            } else if (op.equals("one")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              Greeter found = null;
              for (Greeter plugin : java.util.ServiceLoader.load(Greeter.class)) {
                if (plugin.name().equals(target)) {
                  found = plugin;
                  break;
                }
              }
              check = found.name().length();
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = 1;
            } else if (op.equals("all")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              java.util.List<Greeter> all = new java.util.ArrayList<>();
              for (Greeter plugin : java.util.ServiceLoader.load(Greeter.class)) {
                all.add(plugin);
              }
              for (Greeter plugin : all) {
                check += plugin.name().length();
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = all.size();
            }
          """;
      case PF4J -> """
            if (op.equals("list")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              org.pf4j.PluginManager manager = new org.pf4j.DefaultPluginManager();
              java.util.List<Class<? extends Greeter>> types = manager.getExtensionClasses(Greeter.class);
              for (Class<? extends Greeter> type : types) {
                check += type.getName().length();
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = types.size();
            }
          """;
      case CLASSGRAPH -> """
            if (op.equals("list")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              try (io.github.classgraph.ScanResult scan = new io.github.classgraph.ClassGraph()
                  .enableClassInfo().acceptPackages("bench.api", "bench.plugins").scan()) {
                for (io.github.classgraph.ClassInfo info : scan.getClassesImplementing(Greeter.class)) {
                  check += info.getName().length();
                  count++;
                }
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
            }
          """;
      case HAND_WRITTEN -> """
            if (op.equals("list")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              java.util.List<dev.patchbay.PluginInfo> plugins = bench.plugins.HandWrittenCatalog.PLUGINS;
              for (dev.patchbay.PluginInfo p : plugins) {
                check += p.name().length() + p.description().length() + p.implementation().length();
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = plugins.size();
            } else if (op.equals("one")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              Greeter plugin = bench.plugins.HandWrittenCatalog.create(target);
              check = plugin.name().length();
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = 1;
            } else if (op.equals("all")) {
              c0 = cpuNanos();
              t0 = System.nanoTime();
              java.util.List<Greeter> all = bench.plugins.HandWrittenCatalog.createAll();
              for (Greeter plugin : all) {
                check += plugin.name().length();
              }
              t1 = System.nanoTime();
              c1 = cpuNanos();
              count = all.size();
            }
          """;
    };
    return """
        package bench.driver;

        import EPFQN;

        /** Times one cold call of this variant's API in a fresh JVM. */
        public final class Cold {
          private Cold() {}

          /** Runs the operation named by args[0]; args[1] is the name "create one" looks up. */
          public static void main(String[] args) throws Exception {
            long entered = System.nanoTime();
            String op = args[0];
            String target = args.length > 1 ? args[1] : "";
            long t0 = 0;
            long t1 = -1;
            long check = 0;
            long count = 0;
            long c0 = 0;
            long c1 = 0;
        BODY
            if (t1 < 0) {
              throw new IllegalArgumentException("unknown operation " + op);
            }
            System.out.println("COLD entered=" + entered + " elapsed=" + (t1 - t0)
                + " count=" + count + " check=" + check + " cpu=" + (c1 - c0));
          }

          /**
           * CPU time of the calling thread so far, from /proc/thread-self/schedstat (Linux), or
           * 0 where that file is missing. Reads with java.io classes the JVM loaded at boot, so
           * calling it before the timed region warms nothing the measured call uses.
           */
          static long cpuNanos() {
            byte[] buf = new byte[64];
            int n;
            try (java.io.FileInputStream in =
                new java.io.FileInputStream("/proc/thread-self/schedstat")) {
              n = in.read(buf);
            } catch (java.io.IOException e) {
              return 0;
            }
            long value = 0;
            for (int i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++) {
              value = value * 10 + (buf[i] - '0');
            }
            return value;
          }
        }
        """.replace("EPFQN", ep).replace("BODY", body);
  }
}
