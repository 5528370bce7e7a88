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

/** The forgotten registration: an implementation without {@code @Plugin} gets a warning. */
final class RegistrationTest {
  private static final JavaFileObject BACKEND = JavaFileObjects.forSourceString("test.Backend",
      """
      package test;
      import dev.patchbay.*;
      @ExtensionPoint
      public interface Backend {}
      """);

  @Test
  void implementationWithoutPlugin_getsAWarning() {
    JavaFileObject sqlite = JavaFileObjects.forSourceString("test.Sqlite", """
        package test;
        public class Sqlite implements Backend {}
        """);
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            Message.NOT_REGISTERED.format("Sqlite", "Backend", "Sqlite"))
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
  }

  @Test
  void suppressWarningsPatchbay_silencesIt() {
    JavaFileObject sqlite = JavaFileObjects.forSourceString("test.Sqlite", """
        package test;
        @SuppressWarnings("patchbay")
        public class Sqlite implements Backend {}
        """);

    assertThat(javac().compile(BACKEND, sqlite)).succeededWithoutWarnings();
  }

  @Test
  void suppressionOnTheEnclosingClass_coversNestedClasses() {
    JavaFileObject holder = JavaFileObjects.forSourceString("test.Fakes", """
        package test;
        @SuppressWarnings({"unused", "patchbay"})
        public class Fakes {
          public static class FakeBackend implements Backend {}
        }
        """);

    assertThat(javac().compile(BACKEND, holder)).succeededWithoutWarnings();
  }

  @Test
  void classesThatCouldNotBePlugins_getNoWarning() {
    JavaFileObject others = JavaFileObjects.forSourceString("test.Others", """
        package test;
        public class Others {
          public abstract static class AbstractBackend implements Backend {}
          static class Hidden implements Backend {}
          public class Inner implements Backend {}
        }
        """);

    assertThat(javac().compile(BACKEND, others)).succeededWithoutWarnings();
  }

  @Test
  void extensionPointFromAnotherJar_stillWarns(@TempDir Path jar) throws Exception {
    Compilation library = javac().compile(BACKEND);
    File classes = Compilations.writeClasses(library, jar);
    // No Patchbay annotation at all in this compilation: the processor must still look.
    JavaFileObject sqlite = JavaFileObjects.forSourceString("app.Sqlite", """
        package app;
        public class Sqlite implements test.Backend {}
        """);
    Compilation compilation = javac(classes).compile(sqlite);

    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            Message.NOT_REGISTERED.format("Sqlite", "Backend", "Sqlite"))
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
  }
}
