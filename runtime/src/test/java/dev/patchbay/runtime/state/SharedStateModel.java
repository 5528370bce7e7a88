package dev.patchbay.runtime.state;

/**
 * The sequential meaning of the operations in the SharedState Lincheck tests: two integers that
 * start unset. Lincheck calls the methods by name, so they mirror the tests' operations.
 */
public class SharedStateModel {

  /** Lincheck creates one instance per scenario run. */
  public SharedStateModel() {}

  static final Key<Integer> A = Key.of("lincheck.a", Integer.class);
  static final Key<Integer> B = Key.of("lincheck.b", Integer.class);
  static final String TIMED_OUT = "timed out";

  private Integer a;
  private Integer b;

  static Key<Integer> key(int index) {
    return index == 0 ? A : B;
  }

  static String describe(Integer a, Integer b) {
    return "a=" + a + " b=" + b;
  }

  private Integer value(int key) {
    return key == 0 ? a : b;
  }

  private void store(int key, Integer value) {
    if (key == 0) {
      a = value;
    } else {
      b = value;
    }
  }

  public Integer get(int key) {
    return value(key);
  }

  public void set(int key, int value) {
    store(key, value);
  }

  public int add(int key, int amount) {
    Integer old = value(key);
    int sum = old == null ? amount : old + amount;
    store(key, sum);
    return sum;
  }

  public String setBoth(int value) {
    a = value;
    b = value;
    return describe(a, b);
  }

  public String transfer(int amount) {
    a = (a == null ? 0 : a) - amount;
    b = (b == null ? 0 : b) + amount;
    return describe(a, b);
  }

  public String snapshot() {
    return describe(a, b);
  }

  /** Nothing else runs while a sequential call waits, so an unmet condition can only time out. */
  public Object awaitAtLeast(int key, int least) {
    Integer value = value(key);
    return value != null && value >= least ? value : TIMED_OUT;
  }
}
