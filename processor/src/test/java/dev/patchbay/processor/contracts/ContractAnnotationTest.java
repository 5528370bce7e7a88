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

/** {@code @Contract} annotations: their rules apply to every class carrying them. */
final class ContractAnnotationTest {
  private static final JavaFileObject JOB = JavaFileObjects.forSourceString("test.Job", """
      package test;
      import dev.patchbay.*;
      import java.lang.annotation.*;
      @Contract
      @RequireMethod(name = "process", parameters = {}, returns = void.class)
      @RequireConstructor
      @Target(ElementType.TYPE)
      public @interface Job {}
      """);

  @Test
  void classWithTheMethod_compilesWithoutWarnings() {
    JavaFileObject job = JavaFileObjects.forSourceString("test.Resize", """
        package test;
        @Job
        public class Resize {
          public void process() {}
        }
        """);

    assertThat(javac().compile(JOB, job)).succeededWithoutWarnings();
  }

  @Test
  void classWithoutTheMethod_isRejectedEvenThoughItIsNoPlugin() {
    JavaFileObject job = JavaFileObjects.forSourceString("test.Resize", """
        package test;
        @Job
        public class Resize {
          public int count() { return 0; }
        }
        """);
    Compilation compilation = javac().compile(JOB, job);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.METHOD_MISSING.format("Resize",
            "public void process()", "@RequireMethod on contract @Job"))
        .inFile(job)
        .onLineContaining("public class Resize");
  }

  @Test
  void constructorRuleOnAContract_isEnforced() {
    JavaFileObject job = JavaFileObjects.forSourceString("test.Resize", """
        package test;
        @Job
        public class Resize {
          public Resize(int width) {}
          public void process() {}
        }
        """);
    Compilation compilation = javac().compile(JOB, job);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.CONSTRUCTOR_MISMATCH.format("Resize",
            "public Resize()", "@RequireConstructor on contract @Job",
            "'public Resize(int width)'"))
        .inFile(job)
        .onLineContaining("public class Resize");
  }

  @Test
  void contractFromAnotherJar_isEnforced(@TempDir Path jar) throws Exception {
    Compilation library = javac().compile(JOB);
    assertThat(library).succeededWithoutWarnings();
    File classes = Compilations.writeClasses(library, jar);
    JavaFileObject job = JavaFileObjects.forSourceString("app.Resize", """
        package app;
        @test.Job
        public class Resize {
          public static void process() {}
        }
        """);
    Compilation compilation = javac(classes).compile(job);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("Resize does not declare public void process(), which @RequireMethod"
            + " on contract @Job requires. Found instead: 'public static void process()' (it is"
            + " static, not an instance method)")
        .inFile(job)
        .onLineContaining("public class Resize");
  }

  @Test
  void nestedClassesAreChecked_andNamedWithTheirOuterClass() {
    JavaFileObject jobs = JavaFileObjects.forSourceString("test.Jobs", """
        package test;
        public class Jobs {
          @Job
          public static class Resize {}
        }
        """);
    Compilation compilation = javac().compile(JOB, jobs);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("Jobs.Resize does not declare public void process()")
        .inFile(jobs)
        .onLineContaining("public static class Resize");
  }
}
