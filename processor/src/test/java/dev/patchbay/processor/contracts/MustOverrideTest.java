package dev.patchbay.processor.contracts;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.contracts.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.patchbay.processor.validation.Message;
import java.io.File;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @MustOverride}: each plugin overrides the method itself, default body or not. */
final class MustOverrideTest {
  private static final JavaFileObject EXPORTER = JavaFileObjects.forSourceString("test.Exporter",
      """
      package test;
      import dev.patchbay.*;
      @ExtensionPoint
      public interface Exporter<T> {
        @MustOverride
        default String describe(T value) { return "an exporter"; }
      }
      """);

  @Test
  void ownOverride_compilesWithoutWarnings() {
    JavaFileObject csv = JavaFileObjects.forSourceString("test.Csv", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Csv implements Exporter<Integer> {
          @Override public String describe(Integer value) { return "csv"; }
        }
        """);

    assertThat(javac().compile(EXPORTER, csv)).succeededWithoutWarnings();
  }

  @Test
  void missingOverride_givesTheDeclarationWithTypeArgumentsApplied() {
    JavaFileObject csv = JavaFileObjects.forSourceString("test.Csv", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Csv implements Exporter<Integer> {}
        """);
    Compilation compilation = javac().compile(EXPORTER, csv);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.MUST_OVERRIDE_MISSING.format("Csv",
            "Exporter.describe(T)", "Exporter", "public String describe(Integer value)"))
        .inFile(csv)
        .onLineContaining("public class Csv");
  }

  @Test
  void overrideInASuperclassBelowTheExtensionPoint_counts() {
    JavaFileObject base = JavaFileObjects.forSourceString("test.TextExporter", """
        package test;
        public abstract class TextExporter implements Exporter<String> {
          @Override public String describe(String value) { return "text"; }
        }
        """);
    JavaFileObject csv = JavaFileObjects.forSourceString("test.Csv", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Csv extends TextExporter {}
        """);

    assertThat(javac().compile(EXPORTER, base, csv)).succeededWithoutWarnings();
  }

  @Test
  void defaultOverrideInAnInterface_doesNotCount() {
    JavaFileObject sub = JavaFileObjects.forSourceString("test.TextExporter", """
        package test;
        public interface TextExporter extends Exporter<String> {
          @Override default String describe(String value) { return "text"; }
        }
        """);
    JavaFileObject csv = JavaFileObjects.forSourceString("test.Csv", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Csv implements TextExporter {}
        """);
    Compilation compilation = javac().compile(EXPORTER, sub, csv);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("Csv does not override Exporter.describe(T)")
        .inFile(csv)
        .onLineContaining("public class Csv");
  }

  @Test
  void abstractClassExtensionPoint_bodyInTheExtensionPointDoesNotCount() {
    JavaFileObject point = JavaFileObjects.forSourceString("test.Gateway", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        public abstract class Gateway {
          @MustOverride
          protected long fee(long cents) { return 0; }
        }
        """);
    JavaFileObject plugin = JavaFileObjects.forSourceString("test.Card", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Card extends Gateway {}
        """);
    Compilation compilation = javac().compile(point, plugin);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.MUST_OVERRIDE_MISSING.format("Card",
            "Gateway.fee(long)", "Gateway", "protected long fee(long cents)"))
        .inFile(plugin)
        .onLineContaining("public class Card");
  }

  @Test
  void extensionPointFromAnotherJar_isEnforced(@TempDir Path jar) throws Exception {
    Compilation library = javac().compile(EXPORTER);
    assertThat(library).succeededWithoutWarnings();
    File classes = Compilations.writeClasses(library, jar);
    JavaFileObject csv = JavaFileObjects.forSourceString("test.Csv", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Csv implements Exporter<Integer> {}
        """);
    Compilation compilation = javac(classes).compile(csv);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("Csv does not override Exporter.describe(T)")
        .inFile(csv)
        .onLineContaining("public class Csv");
  }
}
