package dev.patchbay.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

final class SmokeTest {
  @Test
  void generates() throws Exception {
    Compilation c = Compiler.javac().withProcessors(new PatchbayProcessor()).withOptions("-Xlint:all")
        .compile(Sources.databaseBackend(),
            Sources.backend("Sqlite", "@Plugin(value = \"sqlite\", aliases = \"lite\", priority = 10)"),
            Sources.backend("Postgres", "@Plugin(\"postgres\")"));
    for (JavaFileObject f : c.generatedFiles()) {
      System.out.println("=== " + f.getName());
      System.out.println(f.getCharContent(true));
    }
    System.out.println(c.diagnostics());
    assertThat(c).succeededWithoutWarnings();
  }
}
