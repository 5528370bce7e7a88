package dev.patchbay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RegistriesTest {
  @Test
  void of_mergesIndexes_byPriorityThenName() {
    Registry<TestIndexes.Shape> shapes = Registries.of(TestIndexes.Shape.class);
    assertEquals(List.of("circle", "square"), List.copyOf(shapes.names()));
    assertEquals(List.of("square", "circle"), shapes.plugins().stream().map(PluginInfo::name).toList());
    assertInstanceOf(TestIndexes.Circle.class, shapes.create("round"));
    assertNotSame(shapes.create("circle"), shapes.create("circle"));
    assertTrue(shapes.contains("round"));
    assertSame(shapes, Registries.of(TestIndexes.Shape.class));
  }

  @Test
  void create_unknownName_suggestsNearest() {
    Registry<TestIndexes.Shape> shapes = Registries.of(TestIndexes.Shape.class);
    UnknownPluginException e = assertThrows(UnknownPluginException.class, () -> shapes.create("sqare"));
    assertEquals(Optional.of("square"), e.suggestion());
    assertEquals("no dev.patchbay.TestIndexes$Shape plugin is named 'sqare'; did you mean 'square'?"
        + " Known names: circle, round, square.", e.getMessage());
    assertEquals(Optional.empty(), shapes.find("triangle"));
  }

  @Test
  void of_sameNameInTwoJars_namesBothClasses() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Registries.of(TestIndexes.Clashing.class));
    assertTrue(e.getMessage().contains("first.Dup") && e.getMessage().contains("second.Other"), e.getMessage());
    assertTrue(e.getMessage().contains("'dup'"), e.getMessage());
  }

  @Test
  void of_withoutIndex_saysTheProcessorDidNotRun() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Registries.of(TestIndexes.Unindexed.class));
    assertTrue(e.getMessage().contains("annotation processor probably did not run"), e.getMessage());
    assertTrue(e.getMessage().contains("annotationProcessorPaths"), e.getMessage());
  }

  @Test
  void of_notAnExtensionPoint_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Registries.of(Runnable.class));
    assertTrue(e.getMessage().contains("java.lang.Runnable is not an extension point"), e.getMessage());
  }

  @Test
  void createWith_passesConstructorArguments() {
    Registry<TestIndexes.Sized> sized = Registries.of(TestIndexes.Sized.class);
    assertEquals(new TestIndexes.Box(3), sized.createWith("box", 3));
    assertThrows(UnsupportedOperationException.class, () -> sized.create("box"));
  }

  @Test
  void unknownPluginException_withoutNearName_listsKnownNames() {
    UnknownPluginException e = UnknownPluginException.of("x.Point", "zzz", List.of("b", "a"));
    assertEquals(Optional.empty(), e.suggestion());
    assertEquals("no x.Point plugin is named 'zzz'. Known names: a, b.", e.getMessage());
  }
}
