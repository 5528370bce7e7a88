package dev.patchbay.samples.pay;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A payment every gateway can rely on being well-formed: a positive amount with no more decimals
 * than its currency has (two for EUR, none for JPY), within {@link #LIMIT}.
 *
 * @param amount the amount, exact
 * @param currency its currency
 * @param source where the money comes from
 */
public record PaymentRequest(BigDecimal amount, Currency currency, PaymentSource source) {
  /** The largest amount one payment may move, in any currency. */
  public static final BigDecimal LIMIT = new BigDecimal("1000000");

  /** Checks the amount once, so no gateway repeats or forgets it. */
  public PaymentRequest {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(source, "source");
    String shown = amount.toPlainString() + " " + currency.getCurrencyCode();
    if (amount.signum() == 0) {
      throw new IllegalArgumentException("amount " + shown + " is zero; pay a positive amount");
    }
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("amount " + shown
          + " is negative; pay a positive amount (refunds are not payments)");
    }
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    // 12.500 is the same money as 12.50; only digits that change the value count.
    if (amount.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException("amount " + shown + " has more than " + digits
          + " decimal" + (digits == 1 ? "" : "s") + ", the smallest unit of "
          + currency.getCurrencyCode() + "; round it, e.g. "
          + amount.setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString());
    }
    if (amount.compareTo(LIMIT) > 0) {
      throw new IllegalArgumentException("amount " + shown + " is over the limit of "
          + LIMIT.toPlainString() + " per payment; split it");
    }
    amount = amount.setScale(digits, java.math.RoundingMode.UNNECESSARY);
  }
}
