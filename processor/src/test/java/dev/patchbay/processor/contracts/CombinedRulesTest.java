package dev.patchbay.processor.contracts;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.contracts.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** All unmet rules of a class are reported in one build, one error each. */
final class CombinedRulesTest {
  private static final JavaFileObject BACKEND = JavaFileObjects.forSourceString("test.Backend",
      """
      package test;
      import dev.patchbay.*;
      @ExtensionPoint
      @RequireMethod(name = "create", parameters = String.class, returns = Backend.class,
          isStatic = true)
      @RequireConstructor(parameters = String.class)
      public interface Backend {
        @MustOverride default String describe() { return "a backend"; }
      }
      """);

  @Test
  void classBreakingThreeRules_getsThreeErrorsInOneBuild() {
    JavaFileObject sqlite = JavaFileObjects.forSourceString("test.Sqlite", """
        package test;
        import dev.patchbay.*;
        @Plugin("sqlite")
        public class Sqlite implements Backend {
          public Sqlite() {}
        }
        """);
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("Sqlite does not declare public static Backend"
        + " create(String string)").inFile(sqlite).onLineContaining("public class Sqlite");
    assertThat(compilation).hadErrorContaining("Sqlite does not declare public Sqlite(String"
        + " string)").inFile(sqlite).onLineContaining("public class Sqlite");
    assertThat(compilation).hadErrorContaining("Sqlite does not override Backend.describe()")
        .inFile(sqlite).onLineContaining("public class Sqlite");
  }

  @Test
  void twoBrokenClasses_areBothReported() {
    JavaFileObject a = JavaFileObjects.forSourceString("test.A", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class A implements Backend {
          public A(String url) {}
          public String describe() { return "a"; }
        }
        """);
    JavaFileObject b = JavaFileObjects.forSourceString("test.B", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class B implements Backend {
          public B(String url) {}
          public String describe() { return "b"; }
        }
        """);
    Compilation compilation = javac().compile(BACKEND, a, b);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("A does not declare").inFile(a)
        .onLineContaining("public class A");
    assertThat(compilation).hadErrorContaining("B does not declare").inFile(b)
        .onLineContaining("public class B");
  }

  @Test
  void validPluginSatisfyingEveryRule_compilesWithoutWarnings() {
    JavaFileObject sqlite = JavaFileObjects.forSourceString("test.Sqlite", """
        package test;
        import dev.patchbay.*;
        @Plugin("sqlite")
        public class Sqlite implements Backend {
          private final String url;
          public Sqlite(String url) { this.url = url; }
          public static Backend create(String url) { return new Sqlite(url); }
          @Override public String describe() { return "SQLite at " + url; }
        }
        """);

    assertThat(javac().compile(BACKEND, sqlite)).succeededWithoutWarnings();
  }
}
