package dev.patchbay.samples.plugins;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registry;
import dev.patchbay.loader.PluginDirectory;
import dev.patchbay.loader.PluginJar;
import dev.patchbay.loader.ReloadReport;
import dev.patchbay.samples.CliErrors;
import dev.patchbay.samples.CommandFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Plugin jars from a folder: list them without loading a plugin class, create one, replace a jar
 * with its next version, remove one and watch its class loader go.
 */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = {
        "Plugin jars from a folder: list, create, replace, reload and unload at run time.",
        "Copies two greeter plugin jars (built with the samples) into a folder, lists them from"
            + " the plugin listings beside their generated indexes, creates one, replaces 'shout' 1.0 with 2.0 and reloads,"
            + " then removes 'hello' and shows its class loader collected."})
public final class PluginsCommand implements Callable<Integer> {
  /** Where the samples jar carries the plugin jars the build made. */
  static final String JARS = "/dev/patchbay/samples/plugins/jars/";
  static final String HELLO = "hello-1.0.jar";
  static final String SHOUT_1 = "shout-1.0.jar";
  static final String SHOUT_2 = "shout-2.0.jar";

  @Spec
  CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "The plugin folder: new or empty; kept afterwards (default: a temporary"
          + " folder, deleted at the end).")
  Path dir;

  /** Creates the command; picocli sets its options. */
  public PluginsCommand() {}

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = prepare();
    try {
      run(folder, out);
    } finally {
      if (dir == null) {
        deleteTree(folder);
      }
    }
    out.flush();
    return CliErrors.OK;
  }

  private Path prepare() throws IOException {
    if (dir == null) {
      return Files.createTempDirectory("patchbay-plugins");
    }
    if (Files.isDirectory(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--dir " + dir + " is not empty: give a new or"
              + " empty folder, the sample copies jars into it and deletes some");
        }
      }
      return dir;
    }
    if (Files.exists(dir)) {
      throw new IllegalArgumentException("--dir " + dir + " is not a directory");
    }
    return Files.createDirectories(dir);
  }

  private void run(Path folder, PrintWriter out) throws IOException, InterruptedException {
    out.println("Plugin folder: " + folder);
    copyBundled(HELLO, folder);
    copyBundled(SHOUT_1, folder);
    out.println("Copied " + HELLO + " and " + SHOUT_1 + " into it.");
    out.println();

    try (PluginDirectory plugins = PluginDirectory.builder(folder)
        .listener(event -> out.println("  event: " + event.kind() + " " + event.jar().id() + " "
            + event.jar().version()))
        .open()) {
      out.println();
      out.println("Listed from each jar's plugin listing:");
      List<PluginInfo> listed = new ArrayList<>();
      for (PluginJar jar : plugins.jars()) {
        for (PluginInfo plugin : jar.plugins()) {
          listed.add(plugin);
          out.printf(Locale.ROOT, "  %-6s %-4s %-6s %-30s %s%n", jar.id(), jar.version(), plugin.name(),
              plugin.implementation(), plugin.description());
        }
        jar.problem().ifPresent(problem -> out.println("  " + jar.id() + ": " + problem));
      }
      long loaded = listed.stream().filter(plugins::isClassLoaded).count();
      out.println("Plugin classes loaded by listing: " + loaded
          + (loaded == 0 ? " (none: only the listings were read)" : ""));
      if (loaded != 0) {
        throw new CommandFailedException("listing loaded " + loaded + " plugin class(es)", null);
      }
      out.println();

      Registry<Greeter> greeters = plugins.registry(Greeter.class);
      Greeter hello = greeters.create("hello");
      out.println("greeters.create(\"hello\").greet(\"Ada\") -> " + hello.greet("Ada"));
      out.println("greeters.create(\"shout\").greet(\"Ada\") -> "
          + greeters.create("shout").greet("Ada"));
      out.println();

      out.println("Replacing " + SHOUT_1 + " with " + SHOUT_2 + ", then reload():");
      Files.delete(folder.resolve(SHOUT_1));
      copyBundled(SHOUT_2, folder);
      ReloadReport replaced = plugins.reload();
      out.println("  " + replaced);
      out.println("greeters.create(\"shout\").greet(\"Ada\") -> "
          + greeters.create("shout").greet("Ada"));
      out.println();

      out.println("Removing " + HELLO + ", then reload():");
      WeakReference<ClassLoader> helloLoader =
          new WeakReference<>(hello.getClass().getClassLoader());
      hello = null; // the application lets go of the jar's last instance
      Files.delete(folder.resolve(HELLO));
      ReloadReport removed = plugins.reload();
      out.println("  " + removed);
      out.println("greeters.names() -> " + greeters.names());
      int requests = collect(helloLoader);
      if (helloLoader.get() != null) {
        throw new CommandFailedException("the class loader of the removed jar 'hello' was not"
            + " collected after " + requests + " garbage collection requests", null);
      }
      out.println("The class loader of 'hello' was garbage collected (after " + requests
          + " GC request" + (requests == 1 ? "" : "s") + ").");
      openDescriptors(folder.resolve(HELLO).toString()).ifPresent(count ->
          out.println("Open file descriptors on " + HELLO + ": " + count + "."));
    }
  }

  /** Requests garbage collection until {@code reference} clears; at most 40 times. */
  private static int collect(WeakReference<?> reference) throws InterruptedException {
    int requests = 0;
    while (reference.get() != null && requests < 40) {
      System.gc();
      requests++;
      Thread.sleep(25); // lets the collector clear references; the count is what is shown
    }
    return requests;
  }

  /** How many of this process's descriptors point at {@code file}, where Linux can tell. */
  private static java.util.Optional<Long> openDescriptors(String file) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return java.util.Optional.empty();
    }
    long count = 0;
    try (Stream<Path> entries = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) entries::iterator) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith(file)) {
            count++;
          }
        } catch (IOException closedMeanwhile) {
          // the listing's own descriptor
        }
      }
    }
    return java.util.Optional.of(count);
  }

  private static void copyBundled(String jar, Path folder) throws IOException {
    try (InputStream in = PluginsCommand.class.getResourceAsStream(JARS + jar)) {
      if (in == null) {
        throw new CommandFailedException("the plugin jar " + jar + " is not bundled with the"
            + " samples: build them with 'mvn package' (the samples' build makes it)", null);
      }
      Files.copy(in, folder.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
