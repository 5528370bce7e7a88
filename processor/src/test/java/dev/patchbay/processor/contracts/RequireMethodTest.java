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

/** {@code @RequireMethod} on an extension point: every plugin must declare the method itself. */
final class RequireMethodTest {
  private static final String ORIGIN = "@RequireMethod on extension point Backend";
  private static final String FACTORY = "public static Backend create(String string)";

  /** An extension point requiring a static factory {@code create(String)}. */
  private static final JavaFileObject BACKEND = JavaFileObjects.forSourceString("test.Backend", """
      package test;
      import dev.patchbay.*;
      @ExtensionPoint
      @RequireMethod(name = "create", parameters = String.class, returns = Backend.class,
          isStatic = true)
      public interface Backend {
        String query(String sql);
      }
      """);

  private static JavaFileObject plugin(String body) {
    return JavaFileObjects.forSourceString("test.Sqlite", """
        package test;
        import dev.patchbay.*;
        @Plugin("sqlite")
        public class Sqlite implements Backend {
          public String query(String sql) { return sql; }
        %s
        }
        """.formatted(body));
  }

  @Test
  void validFactory_compilesWithoutWarnings() {
    Compilation compilation = javac().compile(BACKEND,
        plugin("  public static Sqlite create(String url) { return new Sqlite(); }"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void missingMethod_isReportedOnTheClassWithTheRequiredSignature() {
    JavaFileObject sqlite = plugin("");
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.METHOD_MISSING.format("Sqlite", FACTORY, ORIGIN))
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
  }

  @Test
  void instanceInsteadOfStatic_saysSoAndNotesTheMethod() {
    JavaFileObject sqlite = plugin("  public Backend create(String url) { return this; }");
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.METHOD_MISMATCH.format("Sqlite", FACTORY,
            ORIGIN, "'public Backend create(String url)' (it is an instance method, not static)"))
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
    assertThat(compilation)
        .hadNoteContaining(Message.NOTE_MISMATCH.format(FACTORY, ORIGIN,
            "it is an instance method, not static"))
        .inFile(sqlite)
        .onLineContaining("public Backend create");
  }

  @Test
  void notPublic_saysWhichAccessItHas() {
    JavaFileObject sqlite = plugin("  static Backend create(String url) { return new Sqlite(); }");
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "'static Backend create(String url)' (it is package-private, not public)")
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
  }

  @Test
  void otherParameters_namesBothParameterLists() {
    JavaFileObject sqlite =
        plugin("  public static Backend create(String url, int poolSize) { return null; }");
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("(it takes (String, int), not (String))")
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
    assertThat(compilation)
        .hadNoteContaining("it takes (String, int), not (String)")
        .inFile(sqlite)
        .onLineContaining("create(String url, int poolSize)");
  }

  @Test
  void wrongReturnType_isNotAssignable() {
    JavaFileObject sqlite = plugin("  public static String create(String url) { return url; }");
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("it returns String, which is not assignable to Backend")
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
  }

  @Test
  void nearMissName_suggestsTheRequiredName() {
    JavaFileObject sqlite =
        plugin("  public static Backend craete(String url) { return new Sqlite(); }");
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.METHOD_NEAR_MISS.format("Sqlite", FACTORY,
            ORIGIN, "'public static Backend craete(String url)'", "create"))
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
    assertThat(compilation)
        .hadNoteContaining(Message.NOTE_NEAR_MISS.format("create", ORIGIN,
            FACTORY))
        .inFile(sqlite)
        .onLineContaining("craete(String url)");
  }

  @Test
  void sameSignatureUnderAnotherName_isSuggested() {
    JavaFileObject sqlite =
        plugin("  public static Backend open(String url) { return new Sqlite(); }");
    Compilation compilation = javac().compile(BACKEND, sqlite);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("Found 'public static Backend open(String url)': did you mean"
            + " 'create'?")
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
    assertThat(compilation).hadNoteContaining("did you mean to name this 'create'?")
        .inFile(sqlite).onLineContaining("open(String url)");
  }

  @Test
  void inheritedMethod_doesNotCount() {
    JavaFileObject base = JavaFileObjects.forSourceString("test.Base", """
        package test;
        public abstract class Base implements Backend {
          public static Backend create(String url) { return null; }
        }
        """);
    JavaFileObject sqlite = JavaFileObjects.forSourceString("test.Sqlite", """
        package test;
        import dev.patchbay.*;
        @Plugin("sqlite")
        public class Sqlite extends Base {
          public String query(String sql) { return sql; }
        }
        """);
    Compilation compilation = javac().compile(BACKEND, base, sqlite);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.METHOD_MISSING.format("Sqlite", FACTORY, ORIGIN))
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
  }

  @Test
  void primitivesArraysAndVoid_arePrintedAsJava() {
    JavaFileObject point = JavaFileObjects.forSourceString("test.Sink", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireMethod(name = "write", parameters = {int.class, byte[].class, String[][].class},
            returns = void.class)
        public interface Sink {}
        """);
    JavaFileObject plugin = JavaFileObjects.forSourceString("test.FileSink", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class FileSink implements Sink {
          public int write(long offset, byte[] data) { return 0; }
        }
        """);
    Compilation compilation = javac().compile(point, plugin);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("FileSink does not declare public void write(int value, byte[] bytes,"
            + " String[][] stringArrays), which @RequireMethod on extension point Sink requires."
            + " Found instead: 'public int write(long offset, byte[] data)' (it takes (long,"
            + " byte[]), not (int, byte[], String[][]); it returns int, which is not assignable"
            + " to void)")
        .inFile(plugin)
        .onLineContaining("public class FileSink");
  }

  @Test
  void parameterTypes_compareByErasure() {
    JavaFileObject point = JavaFileObjects.forSourceString("test.Loader", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireMethod(name = "load", parameters = java.util.List.class,
            returns = java.util.Collection.class)
        public interface Loader {}
        """);
    JavaFileObject plugin = JavaFileObjects.forSourceString("test.ListLoader", """
        package test;
        import dev.patchbay.*;
        import java.util.*;
        @Plugin
        public class ListLoader implements Loader {
          public ArrayList<String> load(List<String> names) { return new ArrayList<>(names); }
        }
        """);

    assertThat(javac().compile(point, plugin)).succeededWithoutWarnings();
  }

  @Test
  void anyParametersAndAnyReturn_acceptEveryOverload() {
    JavaFileObject point = JavaFileObjects.forSourceString("test.Task", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireMethod(name = "run")
        public interface Task {}
        """);
    JavaFileObject plugin = JavaFileObjects.forSourceString("test.Print", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Print implements Task {
          public int run(String a, long b) { return 0; }
        }
        """);

    assertThat(javac().compile(point, plugin)).succeededWithoutWarnings();
  }

  @Test
  void genericExtensionPoint_appliesThroughParameterizedSupertypes() {
    JavaFileObject point = JavaFileObjects.forSourceString("test.Exporter", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireMethod(name = "mediaType", parameters = {}, returns = String.class)
        public interface Exporter<T> { byte[] export(T value); }
        """);
    JavaFileObject base = JavaFileObjects.forSourceString("test.TextExporter", """
        package test;
        public interface TextExporter extends Exporter<String> {}
        """);
    JavaFileObject plugin = JavaFileObjects.forSourceString("test.Csv", """
        package test;
        import dev.patchbay.*;
        @Plugin
        public class Csv implements TextExporter {
          public byte[] export(String value) { return value.getBytes(); }
        }
        """);
    Compilation compilation = javac().compile(point, base, plugin);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("Csv does not declare public String mediaType(), which @RequireMethod"
            + " on extension point Exporter requires")
        .inFile(plugin)
        .onLineContaining("public class Csv");
  }

  @Test
  void extensionPointFromAnotherJar_isEnforced(@TempDir Path jar) throws Exception {
    Compilation library = javac().compile(BACKEND);
    assertThat(library).succeededWithoutWarnings();
    File classes = Compilations.writeClasses(library, jar);

    JavaFileObject sqlite = plugin("");
    Compilation compilation = javac(classes).compile(sqlite);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            Message.METHOD_MISSING.format("Sqlite", FACTORY, ORIGIN))
        .inFile(sqlite)
        .onLineContaining("public class Sqlite");
  }
}
