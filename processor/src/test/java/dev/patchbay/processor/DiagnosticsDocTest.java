package dev.patchbay.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchbay.processor.validation.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps docs/diagnostics.md in step with the message catalogue. */
final class DiagnosticsDocTest {
  @Test
  void everyMessageConstant_isDocumented() throws Exception {
    String doc = Files.readString(Path.of("../docs/diagnostics.md"));
    for (Message message : Message.values()) {
      assertTrue(doc.contains("`" + message.name() + "`"),
          message.name() + " is missing from docs/diagnostics.md");
    }
  }
}
