package dev.patchbay.samples.pay;

import dev.patchbay.Plugin;
import java.math.BigDecimal;
import java.util.UUID;

/** Stored-value wallet payments: refuses to go below zero. */
@Plugin(value = "wallet", aliases = {"e-wallet"},
    description = "Wallet payment: --wallet OWNER --balance AMOUNT; no overdraft", priority = 5)
public final class WalletGateway implements PaymentGateway {

  /** Creates the gateway. */
  public WalletGateway() {}

  @Override
  public Class<? extends PaymentSource> sourceType() {
    return PaymentSource.Wallet.class;
  }

  @Override
  public Receipt process(PaymentRequest request) {
    if (!(request.source() instanceof PaymentSource.Wallet wallet)) {
      throw new IllegalArgumentException(
          "gateway 'wallet' takes wallet payments: give --wallet OWNER and --balance AMOUNT");
    }
    String currency = request.currency().getCurrencyCode();
    BigDecimal remaining = wallet.balance().subtract(request.amount());
    if (remaining.signum() < 0) {
      throw new PaymentDeclinedException("insufficient funds: " + wallet.owner() + "'s wallet"
          + " holds " + money(wallet.balance(), request) + " " + currency + " but the payment is "
          + money(request.amount(), request) + " " + currency + " (" + money(remaining.negate(),
              request) + " short); top up the wallet or pay less");
    }
    return new Receipt("wallet", request.amount(), request.currency(),
        "wallet-" + UUID.randomUUID(), wallet.owner() + "'s wallet, "
            + money(remaining, request) + " " + currency + " left");
  }

  /**
   * An amount in the payment currency's usual form, {@code 10} as {@code 10.00} for EUR; a
   * balance given with more decimals than the currency has keeps them rather than being rounded.
   */
  private static String money(BigDecimal amount, PaymentRequest request) {
    int digits = Math.max(0, request.currency().getDefaultFractionDigits());
    return amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale())).toPlainString();
  }
}
