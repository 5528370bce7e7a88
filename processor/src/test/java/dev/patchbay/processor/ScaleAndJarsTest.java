package dev.patchbay.processor;

import static dev.patchbay.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.Registries;
import dev.patchbay.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10,000 plugins, two separately compiled "jars", and byte-identical output. */
final class ScaleAndJarsTest {
  @TempDir Path temp;

  @Test
  void tenThousandPlugins_compileAndWork() throws Exception {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(source("big.Codec",
        "package big;",
        "@dev.patchbay.ExtensionPoint",
        "public interface Codec {}"));
    // Nested classes keep the file count down; small groups keep javac's per-class InnerClasses
    // tables (quadratic in the group size) cheap. Each nested class is its own plugin.
    for (int file = 0; file < 200; file++) {
      List<String> lines = new ArrayList<>(List.of("package big;", "public final class Group" + file + " {",
          "  private Group" + file + "() {}"));
      for (int i = 0; i < 50; i++) {
        int n = file * 50 + i;
        lines.add("  @dev.patchbay.Plugin(value = \"codec-" + n + "\", aliases = \"c" + n + "\", priority = "
            + (n % 7) + ") public static final class P" + n + " implements Codec {}");
      }
      lines.add("}");
      sources.add(source("big.Group" + file, lines.toArray(String[]::new)));
    }
    Javac.Result result = Javac.compile(temp, List.of(), sources);
    assertTrue(result.success(), result::describe);
    assertEquals(List.of(), result.of(Diagnostic.Kind.WARNING), result::describe);
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Registry<?> registry = (Registry<?>) loader.loadClass("big.CodecRegistry").getMethod("registry").invoke(null);
      assertEquals(10_000, registry.names().size());
      assertEquals("big.Group0$P0", registry.create("codec-0").getClass().getName());
      assertEquals("big.Group199$P9999", registry.create("c9999").getClass().getName());
      assertEquals("big.Group74$P3721", registry.create("codec-3721").getClass().getName());
      assertEquals(6, registry.plugins().get(0).priority());
      assertTrue(registry.find("codec-10000").isEmpty());
      assertEquals(10_000, registry.createAll().size());
    }
  }

  private static JavaFileObject greeter() {
    return source("jar.a.Greeter",
        "package jar.a;",
        "@dev.patchbay.ExtensionPoint",
        "public interface Greeter { String greet(); }");
  }

  private static JavaFileObject greeterPlugin(String pkg, String simpleName, String name) {
    return source(pkg + "." + simpleName,
        "package " + pkg + ";",
        "@dev.patchbay.Plugin(\"" + name + "\")",
        "public class " + simpleName + " implements jar.a.Greeter {",
        "  public String greet() { return \"" + name + "\"; }",
        "}");
  }

  @Test
  void twoJars_mergeInRegistriesOf() throws Exception {
    Path jarA = temp.resolve("a");
    Path jarB = temp.resolve("b");
    Javac.Result a = Javac.compile(jarA, List.of(), List.of(greeter(), greeterPlugin("jar.a", "Hello", "hello")));
    assertTrue(a.success(), a::describe);
    // Jar B sees jar A only as class files, like a dependency.
    Javac.Result b = Javac.compile(jarB, List.of(jarA.resolve("classes")),
        List.of(greeterPlugin("jar.b", "Bonjour", "bonjour")));
    assertTrue(b.success(), b::describe);
    assertEquals(List.of(), b.of(Diagnostic.Kind.WARNING), b::describe);
    try (Javac.Loader loader = new Javac.Loader(jarA.resolve("classes"), jarB.resolve("classes"))) {
      @SuppressWarnings("unchecked")
      Class<Object> greeter = (Class<Object>) loader.loadClass("jar.a.Greeter");
      Registry<Object> merged = Registries.of(greeter);
      assertEquals(List.of("bonjour", "hello"), List.copyOf(merged.names()));
      assertEquals("jar.b.Bonjour", merged.create("bonjour").getClass().getName());
      // The local registry of jar A knows only its own plugin.
      Registry<?> local = (Registry<?>) loader.loadClass("jar.a.GreeterRegistry").getMethod("registry").invoke(null);
      assertEquals(List.of("hello"), List.copyOf(local.names()));
    }
  }

  @Test
  void twoJars_withTheSameName_failAtFirstUseNamingBothClasses() throws Exception {
    Path jarA = temp.resolve("a");
    Path jarB = temp.resolve("b");
    assertTrue(Javac.compile(jarA, List.of(), List.of(greeter(), greeterPlugin("jar.a", "Hello", "hello"))).success());
    assertTrue(Javac.compile(jarB, List.of(jarA.resolve("classes")),
        List.of(greeterPlugin("jar.b", "Hi", "hello"))).success());
    try (Javac.Loader loader = new Javac.Loader(jarA.resolve("classes"), jarB.resolve("classes"))) {
      Class<?> greeter = loader.loadClass("jar.a.Greeter");
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Registries.of(greeter));
      assertTrue(e.getMessage().contains("jar.a.Hello") && e.getMessage().contains("jar.b.Hi"), e.getMessage());
      assertTrue(e.getMessage().contains("'hello'"), e.getMessage());
    }
  }

  @Test
  void extensionPointWithoutIndex_saysTheProcessorDidNotRun() throws Exception {
    // Compiled with -proc:none-like conditions: an annotated interface whose jar has no index.
    Path jar = temp.resolve("plain");
    Path classes = Files.createDirectories(jar.resolve("classes"));
    var compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
    Path src = Files.createDirectories(jar.resolve("src/plain"));
    Files.writeString(src.resolve("Lonely.java"),
        "package plain; @dev.patchbay.ExtensionPoint public interface Lonely {}");
    int status = compiler.run(null, null, null, "-proc:none", "-d", classes.toString(),
        "-cp", System.getProperty("java.class.path"), src.resolve("Lonely.java").toString());
    assertEquals(0, status);
    try (Javac.Loader loader = new Javac.Loader(classes)) {
      Class<?> lonely = loader.loadClass("plain.Lonely");
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> Registries.of(lonely));
      assertTrue(e.getMessage().contains("annotation processor probably did not run"), e.getMessage());
    }
  }

  @Test
  void extensionPointWithNoPlugins_isAnEmptyRegistry() throws Exception {
    Javac.Result result = Javac.compile(temp, List.of(), List.of(greeter()));
    assertTrue(result.success(), result::describe);
    assertEquals(List.of(), result.of(Diagnostic.Kind.WARNING), result::describe);
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Class<?> greeter = loader.loadClass("jar.a.Greeter");
      assertEquals(0, Registries.of(greeter).names().size());
    }
  }

  @Test
  void output_isByteIdentical_whateverTheSourceOrder() throws Exception {
    List<JavaFileObject> sources = List.of(greeter(),
        greeterPlugin("jar.a", "Hello", "hello"), greeterPlugin("jar.a", "Hola", "hola"),
        greeterPlugin("jar.c", "Ciao", "ciao"));
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    java.util.Collections.reverse(reversed);
    assertTrue(Javac.compile(temp.resolve("one"), List.of(), sources).success());
    assertTrue(Javac.compile(temp.resolve("two"), List.of(), reversed).success());
    Map<String, byte[]> one = generatedFiles(temp.resolve("one"));
    Map<String, byte[]> two = generatedFiles(temp.resolve("two"));
    assertEquals(one.keySet(), two.keySet());
    assertTrue(one.keySet().stream().anyMatch(f -> f.contains("PatchbayIndex")), one.keySet().toString());
    for (String file : one.keySet()) {
      assertArrayEquals(one.get(file), two.get(file), file);
    }
  }

  private static Map<String, byte[]> generatedFiles(Path out) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    for (Path root : List.of(out.resolve("generated"), out.resolve("classes/META-INF"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          files.put(out.relativize(file).toString(), Files.readAllBytes(file));
        }
      }
    }
    return files;
  }
}
