package dev.patchbay.samples.threads;

/**
 * The CPU-bound work of {@code threads cpu}: counting primes by trial division. Its {@code main}
 * is what each worker process runs.
 */
public final class CpuWork {
  private CpuWork() {}

  /**
   * Counts the primes in {@code [from, to)} and prints the count, for a worker process.
   *
   * @param args {@code from to}
   */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: CpuWork FROM TO (counts the primes in [FROM, TO))");
      System.exit(2);
    }
    System.out.println(countPrimes(Long.parseLong(args[0]), Long.parseLong(args[1])));
  }

  /**
   * Counts the primes in {@code [from, to)}.
   *
   * @param from the first number checked
   * @param to one past the last number checked
   * @return how many primes lie in the range
   */
  public static long countPrimes(long from, long to) {
    long count = 0;
    for (long n = Math.max(from, 2); n < to; n++) {
      if (isPrime(n)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Tells whether {@code n} is prime by trial division: slow on purpose, all CPU and no memory.
   *
   * @param n the number to test
   * @return true if {@code n} is prime
   */
  public static boolean isPrime(long n) {
    if (n < 2) {
      return false;
    }
    if (n % 2 == 0) {
      return n == 2;
    }
    for (long d = 3; d <= n / d; d += 2) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }
}
