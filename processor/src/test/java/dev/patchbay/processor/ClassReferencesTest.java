package dev.patchbay.processor;

import static dev.patchbay.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.Registries;
import dev.patchbay.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registry names plugin classes as plain text (simple name in its own package, canonical name
 * elsewhere). Each case here would make such a name mean another class, or nothing: the
 * generated registry must still compile and create the right plugin, in a small table and in a
 * chunked one.
 */
final class ClassReferencesTest {
  @TempDir Path temp;

  /** The extension point, in package {@code app}, and the classes that get in the way. */
  private static List<JavaFileObject> sources(int fillers) {
    List<JavaFileObject> sources = new ArrayList<>(List.of(
        source("app.Shape",
            "package app;",
            "@dev.patchbay.ExtensionPoint",
            "public interface Shape { String kind(); }"),
        // A package whose first identifier is the generated methods' parameter `name`.
        source("name.geometry.Circle",
            "package name.geometry;",
            "@dev.patchbay.Plugin(\"circle\")",
            "public class Circle implements app.Shape { public String kind() { return \"circle\"; } }"),
        // A class of the registry's package named like another package's first identifier.
        source("app.shapes",
            "package app;",
            "public class shapes {}"),
        source("shapes.Square",
            "package shapes;",
            "@dev.patchbay.Plugin(\"square\")",
            "public class Square implements app.Shape { public String kind() { return \"square\"; } }"),
        // A plugin of the registry's package named like a type the registry imports.
        source("app.List",
            "package app;",
            "@dev.patchbay.Plugin(\"list\")",
            "public class List implements Shape { public String kind() { return \"list\"; } }"),
        // Same simple name as Circle above, in the registry's package: written as plain text, so
        // the import JavaPoet would add for name.geometry.Circle must not shadow it.
        source("app.Circle",
            "package app;",
            "@dev.patchbay.Plugin(\"app-circle\")",
            "public class Circle implements Shape { public String kind() { return \"app-circle\"; } }"),
        // A package whose first identifier is a java.lang class.
        source("Math.shapes.Ring",
            "package Math.shapes;",
            "@dev.patchbay.Plugin(\"ring\")",
            "public class Ring implements app.Shape { public String kind() { return \"ring\"; } }")));
    for (int i = 0; i < fillers; i++) {
      sources.add(source("other.F" + i,
          "package other;",
          "@dev.patchbay.Plugin(\"f" + i + "\")",
          "public class F" + i + " implements app.Shape { public String kind() { return \"f" + i + "\"; } }"));
    }
    return sources;
  }

  @ParameterizedTest(name = "{0} filler plugins")
  @ValueSource(ints = {0, 300})
  void everyPlugin_isCreated_evenWhereItsNameIsShadowed(int fillers) throws Exception {
    Javac.Result result = Javac.compile(temp, List.of(), sources(fillers));
    assertTrue(result.success(), result::describe);
    try (Javac.Loader loader = new Javac.Loader(temp.resolve("classes"))) {
      Registry<?> registry =
          (Registry<?>) loader.loadClass("app.ShapeRegistry").getMethod("registry").invoke(null);
      for (String name : List.of("circle", "square", "list", "app-circle", "ring")) {
        Object plugin = registry.create(name);
        assertEquals(name, plugin.getClass().getMethod("kind").invoke(plugin), name);
      }
      assertEquals("name.geometry.Circle", registry.create("circle").getClass().getName());
      assertEquals("app.Circle", registry.create("app-circle").getClass().getName());
      if (fillers > 0) {
        assertEquals("other.F17", registry.create("f17").getClass().getName());
      }
      // createAll fills an array chunk by chunk: same classes, in the order of plugins().
      List<String> listed = new ArrayList<>();
      registry.plugins().forEach(p -> listed.add(p.implementation()));
      List<String> created = new ArrayList<>();
      registry.createAll().forEach(p -> created.add(p.getClass().getName()));
      assertEquals(listed, created);
      assertEquals(5 + fillers, created.size());
      // Registries.of goes through the generated index's createAll override: same result.
      List<String> merged = new ArrayList<>();
      Registries.of(loader.loadClass("app.Shape")).createAll()
          .forEach(p -> merged.add(p.getClass().getName()));
      assertEquals(listed, merged);
    }
    String generated = Files.readString(
        temp.resolve("generated").resolve("app").resolve("ShapeRegistry.java"));
    // The common case stays plain text: no import per plugin class.
    assertTrue(fillers == 0 || generated.contains("new other.F17()"), generated);
  }
}
