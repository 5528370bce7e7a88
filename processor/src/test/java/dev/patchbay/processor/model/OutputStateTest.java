package dev.patchbay.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state file keeps plugin models exactly, whatever their texts hold. */
final class OutputStateTest {
  private static PluginModel model(String description, List<String> aliases) {
    return new PluginModel("a$b.Outer.In$ner", "a$b.Outer$In$ner",
        ClassName.get("a$b", "Outer", "In$ner"), true, "name\twith tab", aliases, description, -3,
        true, false, Set.of("(java.util.List)", "(java.lang.String, int)"));
  }

  @Test
  void pluginModels_surviveTheText_withSeparatorsAndEscapesInside() {
    PluginModel tricky = model("line one\nline two\\n not a break\r\t end ", List.of("", "x\\ty"));
    PluginModel plain = new PluginModel("p.Plain", "p.Plain", ClassName.get("p", "Plain"), false,
        "plain", List.of(), "", 0, false, true, Set.of());
    OutputState state = new OutputState.Builder().pluginModel(tricky).pluginModel(plain).build();

    OutputState read = OutputState.parse(state.toText());

    assertEquals(tricky, read.pluginModel("a$b.Outer.In$ner").orElseThrow());
    assertEquals(plain, read.pluginModel("p.Plain").orElseThrow());
    assertEquals(OutputState.fingerprint(tricky),
        OutputState.fingerprint(read.pluginModel("a$b.Outer.In$ner").orElseThrow()));
  }

  @Test
  void aDamagedModelLine_isLeftOut_soTheClassIsReadInstead() {
    String text = new OutputState.Builder().pluginModel(model("d", List.of("a"))).build().toText();
    String damaged = text.replace("\t.\n", "\textra\t.\n");

    assertTrue(OutputState.parse(damaged).pluginModel("a$b.Outer.In$ner").isEmpty());
  }
}
