package dev.patchbay.processor.contracts;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.contracts.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.patchbay.processor.validation.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @RequireConstructor}: a public constructor with exactly the listed parameters. */
final class RequireConstructorTest {
  private static final String ORIGIN = "@RequireConstructor on extension point Notifier";
  private static final String REQUIRED = "public Smtp(String string, int value)";

  private static final JavaFileObject NOTIFIER = JavaFileObjects.forSourceString("test.Notifier",
      """
      package test;
      import dev.patchbay.*;
      @ExtensionPoint
      @RequireConstructor(parameters = {String.class, int.class})
      public interface Notifier {
        void send(String message);
      }
      """);

  private static JavaFileObject plugin(String constructors) {
    return JavaFileObjects.forSourceString("test.Smtp", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Smtp implements Notifier {
        %s
          public void send(String message) {}
        }
        """.formatted(constructors));
  }

  @Test
  void matchingPublicConstructor_compilesWithoutWarnings() {
    Compilation compilation =
        javac().compile(NOTIFIER, plugin("  public Smtp(String host, int port) {}"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void noExplicitConstructor_givesTheConstructorToAdd() {
    JavaFileObject smtp = plugin("");
    Compilation compilation = javac().compile(NOTIFIER, smtp);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.CONSTRUCTOR_MISSING.format("Smtp", REQUIRED, ORIGIN))
        .inFile(smtp)
        .onLineContaining("public class Smtp");
  }

  @Test
  void otherParameters_listsTheConstructorsFoundAndNotesTheClosest() {
    JavaFileObject smtp = plugin("""
          public Smtp() {}
          public Smtp(String host) {}
        """);
    Compilation compilation = javac().compile(NOTIFIER, smtp);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.CONSTRUCTOR_MISMATCH.format("Smtp",
            REQUIRED, ORIGIN, "'public Smtp()', 'public Smtp(String host)'"))
        .inFile(smtp)
        .onLineContaining("public class Smtp");
    assertThat(compilation)
        .hadNoteContaining(Message.NOTE_MISMATCH.format(REQUIRED, ORIGIN,
            "it takes (String), not (String, int)"))
        .inFile(smtp)
        .onLineContaining("public Smtp(String host)");
  }

  @Test
  void notPublic_isReportedWithItsAccess() {
    JavaFileObject smtp = plugin("  Smtp(String host, int port) {}");
    Compilation compilation = javac().compile(NOTIFIER, smtp);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.CONSTRUCTOR_MISMATCH.format("Smtp",
            REQUIRED, ORIGIN, "'Smtp(String host, int port)' (it is package-private, not public)"))
        .inFile(smtp)
        .onLineContaining("public class Smtp");
    assertThat(compilation)
        .hadNoteContaining("it is package-private, not public")
        .inFile(smtp)
        .onLineContaining("Smtp(String host, int port)");
  }

  @Test
  void repeatedRules_eachNeedTheirConstructor() {
    JavaFileObject point = JavaFileObjects.forSourceString("test.Store", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireConstructor
        @RequireConstructor(parameters = java.nio.file.Path.class)
        public interface Store {}
        """);
    JavaFileObject plugin = JavaFileObjects.forSourceString("test.FileStore", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class FileStore implements Store {
          public FileStore(java.nio.file.Path root) {}
        }
        """);
    Compilation compilation = javac().compile(point, plugin);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("FileStore does not declare public FileStore(), which"
            + " @RequireConstructor on extension point Store requires.")
        .inFile(plugin)
        .onLineContaining("public class FileStore");
  }

  @Test
  void recordCanonicalConstructor_satisfiesTheRule() {
    JavaFileObject smtp = JavaFileObjects.forSourceString("test.Smtp", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public record Smtp(String host, int port) implements Notifier {
          public void send(String message) {}
        }
        """);

    assertThat(javac().compile(NOTIFIER, smtp)).succeededWithoutWarnings();
  }

  @Test
  void implicitDefaultConstructor_satisfiesANoArgumentRule() {
    JavaFileObject point = JavaFileObjects.forSourceString("test.Store", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireConstructor
        public interface Store {}
        """);
    JavaFileObject plugin = JavaFileObjects.forSourceString("test.MemoryStore", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class MemoryStore implements Store {}
        """);

    assertThat(javac().compile(point, plugin)).succeededWithoutWarnings();
  }
}
