package com.example.greet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchbay.PluginInfo;
import dev.patchbay.Registries;
import dev.patchbay.UnknownPluginException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a project set up from the README's blocks gets from the generated code. */
final class GreeterTest {

  @Test
  void generatedRegistry_createsByNameAndAlias() {
    assertInstanceOf(FrenchGreeter.class, GreeterRegistry.create("fr"));
    assertEquals("Hello, you!", GreeterRegistry.create("english").greet("you"));
    assertEquals("english", GreeterRegistry.plugins().get(0).name());
  }

  @Test
  void unknownName_suggestsTheNearest() {
    UnknownPluginException e =
        assertThrows(UnknownPluginException.class, () -> GreeterRegistry.create("frensh"));
    assertEquals("french", e.suggestion().orElseThrow());
  }

  @Test
  void testPlugin_joinsTheMainPluginsInRegistriesOf() {
    List<String> names =
        Registries.of(Greeter.class).plugins().stream().map(PluginInfo::name).toList();
    assertEquals(List.of("english", "french", "pirate"), names);
    assertEquals("Ahoy, matey!", Registries.of(Greeter.class).create("pirate").greet("matey"));
  }
}
