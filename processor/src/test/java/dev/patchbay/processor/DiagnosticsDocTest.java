package dev.patchbay.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.processor.validation.Messages;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/diagnostics.md in step with the message constants. */
final class DiagnosticsDocTest {
  @Test
  void everyMessageConstant_isDocumented() throws Exception {
    String doc = Files.readString(Path.of("../docs/diagnostics.md"));
    for (Field field : Messages.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        assertTrue(doc.contains("`" + field.getName() + "`"),
            field.getName() + " is missing from docs/diagnostics.md");
      }
    }
  }
}
