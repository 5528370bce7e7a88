package dev.patchbay.runtime.state;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A typed name for a value in a {@link SharedState}.
 *
 * <p>Keys are canonical: {@code Key.of("count", Integer.class)} returns the same instance every
 * time, so keys may be declared once as constants or recreated where needed. Two keys with the same
 * name and different types are different keys. Keys live as long as the class loader, so create a
 * fixed set of them rather than one per request.
 *
 * @param <T> the type of the value
 */
public final class Key<T> {

  private static final Map<String, Map<Class<?>, Key<?>>> INTERNED = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private final String name;
  private final Class<T> type;
  // A dense id lets a state store its values in arrays sorted by id, without hashing.
  final int id;

  private Key(String name, Class<T> type, int id) {
    this.name = name;
    this.type = type;
    this.id = id;
  }

  /**
   * Returns the key named {@code name} for values of {@code type}.
   *
   * @param name a non-blank name, shown in messages and {@link #toString()}
   * @param type the value type; a primitive type stands for its wrapper ({@code int.class} is {@code
   *     Integer.class})
   * @param <T> the value type
   * @return the canonical key for this name and type
   * @throws IllegalArgumentException if {@code name} is blank or {@code type} is {@code void.class}
   * @throws NullPointerException if an argument is null
   */
  @SuppressWarnings("unchecked")
  public static <T> Key<T> of(String name, Class<T> type) {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A key needs a non-blank name, e.g. Key.of(\"count\", Integer.class)");
    }
    Class<T> boxed = (Class<T>) box(type);
    Map<Class<?>, Key<?>> byType = INTERNED.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
    return (Key<T>) byType.computeIfAbsent(boxed, t -> new Key<>(name, boxed, NEXT_ID.getAndIncrement()));
  }

  /**
   * The key's name.
   *
   * @return the name given to {@link #of(String, Class)}
   */
  public String name() {
    return name;
  }

  /**
   * The type of the key's values.
   *
   * @return the value type, boxed if a primitive type was given
   */
  public Class<T> type() {
    return type;
  }

  /** Checks that {@code value} fits this key; {@code role} names the value in the message. */
  T check(Object value, String role) {
    if (value == null) {
      throw new NullPointerException(
          role + " for key '" + name + "' is null; shared state holds no nulls, so leave the key unset instead");
    }
    if (!type.isInstance(value)) {
      throw new ClassCastException(
          role + " for key '" + name + "' is a " + value.getClass().getName() + ", but the key holds "
              + type.getName());
    }
    return type.cast(value);
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == void.class) {
      throw new IllegalArgumentException("A key cannot hold void; use a real value type such as Boolean");
    }
    if (type == int.class) return Integer.class;
    if (type == long.class) return Long.class;
    if (type == boolean.class) return Boolean.class;
    if (type == double.class) return Double.class;
    if (type == float.class) return Float.class;
    if (type == short.class) return Short.class;
    if (type == byte.class) return Byte.class;
    return Character.class;
  }

  @Override
  public String toString() {
    return name + ":" + type.getSimpleName();
  }
}
