package dev.patchbay.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchbay.processor.validation.Message;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one message catalogue formats the same text on every machine. */
final class MessageCatalogueTest {
  @Test
  void format_groupsNumbersTheSameWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      // German groups thousands with '.', which would turn 65,535 into 65.535.
      Locale.setDefault(Locale.GERMANY);
      String text = Message.PLUGIN_METADATA_TOO_LONG.format(
          "description", "a.Big", 70_000L, 70_100L, 65_535);
      assertEquals("The description of @Plugin class a.Big takes 70,000 bytes in the class file's"
          + " encoding (modified UTF-8), so its registry entry (name, description, class and"
          + " aliases) needs 70,100 bytes in one string constant, but a class file allows at most"
          + " 65,535. Shorten it.", text);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
