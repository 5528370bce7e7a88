package dev.patchbay.processor.contracts;

import static com.google.common.truth.Truth.assertWithMessage;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the Contracts section of docs/diagnostics.md in step with {@link ContractMessages}. */
final class ContractDocsTest {
  @Test
  void everyContractMessage_isDocumentedInTheContractsSection() throws Exception {
    String doc = Files.readString(Path.of("../docs/diagnostics.md"));
    int start = doc.indexOf("## Contracts");
    assertWithMessage("docs/diagnostics.md has a '## Contracts' section").that(start)
        .isAtLeast(0);
    String section = doc.substring(start);
    for (Field field : ContractMessages.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
          && !field.getName().equals("SUPPRESSION_KEY")) {
        assertWithMessage("%s in docs/diagnostics.md", field.getName())
            .that(section).contains("`" + field.getName() + "`");
      }
    }
  }
}
