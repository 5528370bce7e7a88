package dev.patchbay.processor;

import static dev.patchbay.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.Registries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index class has a stable name, without a content hash: jars that see each other get
 * different names, and jars compiled apart that collide fail at {@code Registries.of}.
 */
final class IndexNameTest {
  @TempDir Path temp;

  private static JavaFileObject greeter() {
    return source("api.Greeter", "package api;", "@dev.patchbay.ExtensionPoint",
        "public interface Greeter {}");
  }

  private static JavaFileObject greeterPlugin(String simpleName, String name) {
    return source("plug." + simpleName, "package plug;", "@dev.patchbay.Plugin(\"" + name + "\")",
        "public class " + simpleName + " implements api.Greeter {}");
  }

  private static String indexService(Path out) throws Exception {
    return Files.readString(out.resolve("classes/META-INF/services/dev.patchbay.spi.PluginIndex"));
  }

  @Test
  void jarCompiledWithTheOtherOnItsClassPath_getsTheNextName() throws Exception {
    Path api = temp.resolve("api");
    Path main = temp.resolve("main");
    Path tests = temp.resolve("tests");
    assertTrue(Javac.compile(api, List.of(), List.of(greeter())).success());
    Javac.Result first = Javac.compile(main, List.of(api.resolve("classes")),
        List.of(greeterPlugin("Hello", "hello")));
    assertTrue(first.success(), first::describe);
    // Like test classes in the package of the main classes, with the main classes on the path.
    Javac.Result second = Javac.compile(tests,
        List.of(api.resolve("classes"), main.resolve("classes")), List.of(greeterPlugin("Hi", "hi")));
    assertTrue(second.success(), second::describe);
    assertEquals("plug.PatchbayIndex\n", indexService(main));
    assertEquals("plug.PatchbayIndex2\n", indexService(tests));

    try (Javac.Loader loader = new Javac.Loader(
        api.resolve("classes"), main.resolve("classes"), tests.resolve("classes"))) {
      Class<?> point = Class.forName("api.Greeter", false, loader);
      assertEquals(Set.of("hello", "hi"), Registries.of(point).names());
    }
  }

  @Test
  void jarsCompiledApart_withTheSameIndexName_failAtFirstUse_namingBoth() throws Exception {
    Path api = temp.resolve("api");
    Path one = temp.resolve("one");
    Path two = temp.resolve("two");
    assertTrue(Javac.compile(api, List.of(), List.of(greeter())).success());
    assertTrue(Javac.compile(one, List.of(api.resolve("classes")),
        List.of(greeterPlugin("Hello", "hello"))).success());
    assertTrue(Javac.compile(two, List.of(api.resolve("classes")),
        List.of(greeterPlugin("Hi", "hi"))).success());
    assertEquals(indexService(one), indexService(two));

    try (Javac.Loader loader = new Javac.Loader(
        api.resolve("classes"), one.resolve("classes"), two.resolve("classes"))) {
      Class<?> point = Class.forName("api.Greeter", false, loader);
      IllegalStateException failure =
          assertThrows(IllegalStateException.class, () -> Registries.of(point));
      assertTrue(failure.getMessage().contains("plug.PatchbayIndex"), failure.getMessage());
      assertTrue(failure.getMessage().contains(one.resolve("classes").toString()),
          failure.getMessage());
      assertTrue(failure.getMessage().contains(two.resolve("classes").toString()),
          failure.getMessage());
    }
  }

  @Test
  void theSameJarTwice_isNoCollision() throws Exception {
    Path api = temp.resolve("api");
    Path one = temp.resolve("one");
    Path copy = temp.resolve("copy");
    assertTrue(Javac.compile(api, List.of(), List.of(greeter())).success());
    assertTrue(Javac.compile(one, List.of(api.resolve("classes")),
        List.of(greeterPlugin("Hello", "hello"))).success());
    assertTrue(Javac.compile(copy, List.of(api.resolve("classes")),
        List.of(greeterPlugin("Hello", "hello"))).success());

    try (Javac.Loader loader = new Javac.Loader(
        api.resolve("classes"), one.resolve("classes"), copy.resolve("classes"))) {
      Class<?> point = Class.forName("api.Greeter", false, loader);
      assertEquals(Set.of("hello"), Registries.of(point).names());
    }
  }
}
