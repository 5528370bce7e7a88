package dev.patchbay.samples.pay;

import java.math.BigDecimal;
import java.util.Objects;

/** Where the money comes from; each gateway takes one kind. */
public sealed interface PaymentSource {

  /**
   * A payment card.
   *
   * @param number the card number as typed; spaces and dashes are allowed
   */
  record Card(String number) implements PaymentSource {
    /** Rejects a missing number. */
    public Card {
      Objects.requireNonNull(number, "number");
    }
  }

  /**
   * A stored-value wallet.
   *
   * @param owner the wallet's owner
   * @param balance what the wallet holds, in the payment's currency
   */
  record Wallet(String owner, BigDecimal balance) implements PaymentSource {
    /** Rejects a missing owner or balance, and a negative balance. */
    public Wallet {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(balance, "balance");
      if (balance.signum() < 0) {
        throw new IllegalArgumentException("wallet balance " + balance.toPlainString()
            + " is negative; a wallet holds zero or more");
      }
    }
  }
}
