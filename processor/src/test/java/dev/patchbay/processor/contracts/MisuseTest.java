package dev.patchbay.processor.contracts;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.patchbay.processor.contracts.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.patchbay.processor.validation.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rule annotations written where they can never apply are errors where they are written. */
final class MisuseTest {

  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }

  @Test
  void blankMethodName_isAnchoredOnTheNameValue() {
    JavaFileObject point = source("test.Task", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireMethod(
            name = " ")
        public interface Task {}
        """);
    Compilation compilation = javac().compile(point);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.BLANK_METHOD_NAME.format("Task"))
        .inFile(point)
        .onLineContaining("name = \" \"");
  }

  @Test
  void blankNameInARepeatedRule_pointsAtThatRulesNameValue() {
    JavaFileObject point = source("test.Task", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireMethod(name = "start")
        @RequireMethod(name = "stop", parameters = {})
        @RequireMethod(parameters = {}, name = "")
        @RequireMethod(name = "run()")
        public interface Task {}
        """);
    Compilation compilation = javac().compile(point);

    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(Message.BLANK_METHOD_NAME.format("Task"))
        .inFile(point)
        .onLineContaining("name = \"\")");
    assertThat(compilation)
        .hadErrorContaining(Message.INVALID_METHOD_NAME.format("run()", "Task"))
        .inFile(point)
        .onLineContaining("run()");
  }

  @Test
  void invalidMethodName_isAnError() {
    JavaFileObject point = source("test.Task", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireMethod(name = "run()")
        public interface Task {}
        """);
    Compilation compilation = javac().compile(point);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.INVALID_METHOD_NAME.format("run()", "Task"))
        .inFile(point)
        .onLineContaining("@RequireMethod");
  }

  @Test
  void anyMixedWithTypes_isAnError() {
    JavaFileObject point = source("test.Task", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireMethod(name = "run", parameters = {RequireMethod.Any.class, String.class})
        public interface Task {}
        """);
    Compilation compilation = javac().compile(point);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.ANY_NOT_ALONE.format("RequireMethod", "Task"))
        .inFile(point)
        .onLineContaining("@RequireMethod");
  }

  @Test
  void anyInAConstructorRule_isAnError() {
    JavaFileObject point = source("test.Task", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        @RequireConstructor(parameters = RequireMethod.Any.class)
        public interface Task {}
        """);
    Compilation compilation = javac().compile(point);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.ANY_IN_CONSTRUCTOR.format("Task"))
        .inFile(point)
        .onLineContaining("@RequireConstructor");
  }

  @Test
  void ruleOnAnAnnotationTypeWithoutContract_asksForContract() {
    JavaFileObject job = source("test.Job", """
        package test;
        import dev.patchbay.*;
        @RequireMethod(name = "process")
        public @interface Job {}
        """);
    Compilation compilation = javac().compile(job);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.RULE_ON_NON_CONTRACT_ANNOTATION.format("RequireMethod", "Job", "Job", "Job"))
        .inFile(job)
        .onLineContaining("@RequireMethod");
  }

  @Test
  void ruleOnAPlainInterface_asksForExtensionPoint() {
    JavaFileObject task = source("test.Task", """
        package test;
        import dev.patchbay.*;
        @RequireConstructor(parameters = String.class)
        public interface Task {}
        """);
    Compilation compilation = javac().compile(task);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.RULE_ON_PLAIN_TYPE.format("RequireConstructor", "Task", "Task"))
        .inFile(task)
        .onLineContaining("@RequireConstructor");
  }

  @Test
  void contractWhoseTargetExcludesClasses_isAnError() {
    JavaFileObject job = source("test.Job", """
        package test;
        import dev.patchbay.*;
        import java.lang.annotation.*;
        @Contract
        @RequireMethod(name = "process")
        @Target({ElementType.METHOD, ElementType.FIELD})
        public @interface Job {}
        """);
    Compilation compilation = javac().compile(job);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.CONTRACT_TARGET_EXCLUDES_TYPES.format("Job",
            "{ElementType.METHOD, ElementType.FIELD}"))
        .inFile(job)
        .onLineContaining("@Target");
  }

  @Test
  void contractTargetingTypeUse_isAccepted() {
    JavaFileObject job = source("test.Job", """
        package test;
        import dev.patchbay.*;
        import java.lang.annotation.*;
        @Contract
        @RequireMethod(name = "process")
        @Target(ElementType.TYPE_USE)
        public @interface Job {}
        """);

    assertThat(javac().compile(job)).succeededWithoutWarnings();
  }

  @Test
  void contractWithoutRules_isAWarning() {
    JavaFileObject job = source("test.Job", """
        package test;
        import dev.patchbay.*;
        @Contract
        public @interface Job {}
        """);
    Compilation compilation = javac().compile(job);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(Message.CONTRACT_WITHOUT_RULES.format("Job"))
        .inFile(job)
        .onLineContaining("@Contract");
  }

  @Test
  void contractOnAClass_isRejectedByJavacItself() {
    JavaFileObject job = source("test.Job", """
        package test;
        import dev.patchbay.*;
        @Contract
        public class Job {}
        """);
    Compilation compilation = javac().compile(job);

    // @Contract targets ANNOTATION_TYPE only, so javac rejects it before Patchbay runs.
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("not applicable")
        .inFile(job).onLineContaining("@Contract");
  }

  @Test
  void mustOverrideOnPrivateStaticOrFinal_isAnErrorEach() {
    JavaFileObject gateway = source("test.Gateway", """
        package test;
        import dev.patchbay.*;
        @ExtensionPoint
        public abstract class Gateway {
          @MustOverride private void audit() {}
          @MustOverride public static Gateway create() { return null; }
          @MustOverride public final String name() { return "g"; }
        }
        """);
    Compilation compilation = javac().compile(gateway);

    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining(Message.MUST_OVERRIDE_NOT_OVERRIDABLE.format("Gateway", "audit", "private"))
        .inFile(gateway).onLineContaining("void audit()");
    assertThat(compilation)
        .hadErrorContaining(Message.MUST_OVERRIDE_NOT_OVERRIDABLE.format("Gateway", "create", "static"))
        .inFile(gateway).onLineContaining("Gateway create()");
    assertThat(compilation)
        .hadErrorContaining(Message.MUST_OVERRIDE_NOT_OVERRIDABLE.format("Gateway", "name", "final"))
        .inFile(gateway).onLineContaining("String name()");
  }

  @Test
  void mustOverrideOutsideAnExtensionPoint_isAnError() {
    JavaFileObject base = source("test.Base", """
        package test;
        import dev.patchbay.*;
        public abstract class Base {
          @MustOverride public void close() {}
        }
        """);
    Compilation compilation = javac().compile(base);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(Message.MUST_OVERRIDE_OUTSIDE_EXTENSION_POINT.format("Base", "close", "Base"))
        .inFile(base).onLineContaining("void close()");
  }
}
