package dev.patchbay;

import dev.patchbay.spi.PluginIndex;
import java.util.List;
import java.util.Set;

/** Hand-written indexes standing in for two jars' generated ones. */
final class TestIndexes {
  private TestIndexes() {}

  /** An extension point both "jars" contribute to. */
  @ExtensionPoint
  public interface Shape {}

  /** An extension point whose plugins clash across the two "jars". */
  @ExtensionPoint
  public interface Clashing {}

  /** An extension point no index knows. */
  @ExtensionPoint
  public interface Unindexed {}

  /** An extension point that needs constructor arguments. */
  @ExtensionPoint
  public interface Sized {}

  /** A plugin. */
  public static final class Circle implements Shape {}

  /** A plugin. */
  public static final class Square implements Shape {}

  /** A plugin taking an argument. */
  public record Box(int size) implements Sized {}

  /** The first jar's index. */
  public static final class First implements PluginIndex {
    @Override
    public Set<String> extensionPoints() {
      return Set.of(Shape.class.getName(), Clashing.class.getName(), Sized.class.getName());
    }

    @Override
    public List<PluginInfo> plugins(String extensionPoint) {
      if (extensionPoint.equals(Shape.class.getName())) {
        return List.of(new PluginInfo("circle", List.of("round"), "", 1, Circle.class.getName(), extensionPoint));
      }
      if (extensionPoint.equals(Sized.class.getName())) {
        return List.of(new PluginInfo("box", List.of(), "", 0, Box.class.getName(), extensionPoint));
      }
      return List.of(new PluginInfo("dup", List.of(), "", 0, "first.Dup", extensionPoint));
    }

    @Override
    public Object create(String extensionPoint, String name, Object... arguments) {
      if (name.equals("box")) {
        if (arguments.length == 1 && arguments[0] instanceof Integer size) {
          return new Box(size);
        }
        throw new UnsupportedOperationException("box needs (int)");
      }
      return new Circle();
    }
  }

  /** The second jar's index. */
  public static final class Second implements PluginIndex {
    @Override
    public Set<String> extensionPoints() {
      return Set.of(Shape.class.getName(), Clashing.class.getName());
    }

    @Override
    public List<PluginInfo> plugins(String extensionPoint) {
      if (extensionPoint.equals(Shape.class.getName())) {
        return List.of(new PluginInfo("square", List.of(), "", 5, Square.class.getName(), extensionPoint));
      }
      return List.of(new PluginInfo("other", List.of("dup"), "", 0, "second.Other", extensionPoint));
    }

    @Override
    public Object create(String extensionPoint, String name, Object... arguments) {
      return new Square();
    }
  }
}
