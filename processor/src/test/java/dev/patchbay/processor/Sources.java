package dev.patchbay.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Small builders for test sources. */
final class Sources {
  private Sources() {}

  /** A source file from its lines; the class name comes from the first {@code //name} line-free rule: pass it. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** The extension point most tests share. */
  static JavaFileObject databaseBackend() {
    return source("test.db.DatabaseBackend",
        "package test.db;",
        "",
        "import dev.patchbay.ExtensionPoint;",
        "",
        "@ExtensionPoint",
        "public interface DatabaseBackend {",
        "  String connect();",
        "}");
  }

  /** A plugin of {@link #databaseBackend()}. */
  static JavaFileObject backend(String simpleName, String annotation) {
    return source("test.db." + simpleName,
        "package test.db;",
        "",
        "import dev.patchbay.Plugin;",
        "",
        annotation,
        "public class " + simpleName + " implements DatabaseBackend {",
        "  @Override",
        "  public String connect() {",
        "    return \"" + simpleName + "\";",
        "  }",
        "}");
  }
}
