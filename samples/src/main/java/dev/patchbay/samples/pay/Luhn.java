package dev.patchbay.samples.pay;

/** The Luhn (mod 10) check digit test that catches most mistyped card numbers. */
public final class Luhn {
  private Luhn() {}

  /**
   * Tells whether {@code digits} passes the Luhn check.
   *
   * @param digits a string of ASCII digits only
   * @return true when the check digit matches
   * @throws IllegalArgumentException when {@code digits} holds anything but ASCII digits
   */
  public static boolean isValid(String digits) {
    int sum = 0;
    boolean doubled = false;
    // From the right: every second digit is doubled, and 2-digit results add their digits.
    for (int i = digits.length() - 1; i >= 0; i--) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit: '" + c + "'");
      }
      int digit = c - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return !digits.isEmpty() && sum % 10 == 0;
  }
}
