package dev.patchbay.samples.pay;

import dev.patchbay.Plugin;
import java.util.UUID;

/**
 * Card payments: checks the number's form and Luhn digit before charging. The demo processor
 * declines the well-known test number {@value #DECLINED_TEST_CARD}, as real test sandboxes do.
 */
@Plugin(value = "card", aliases = {"credit-card"},
    description = "Card payment: --card NUMBER, checked with the Luhn algorithm", priority = 10)
public final class CardGateway implements PaymentGateway {
  /** A Luhn-valid number this gateway always declines, to show a declined payment. */
  public static final String DECLINED_TEST_CARD = "4000000000000002";

  /** Creates the gateway. */
  public CardGateway() {}

  @Override
  public Class<? extends PaymentSource> sourceType() {
    return PaymentSource.Card.class;
  }

  @Override
  public Receipt process(PaymentRequest request) {
    if (!(request.source() instanceof PaymentSource.Card card)) {
      throw new IllegalArgumentException("gateway 'card' takes card payments: give --card NUMBER");
    }
    String digits = card.number().replaceAll("[\\s-]", "");
    if (!digits.matches("[0-9]{12,19}")) {
      throw new IllegalArgumentException("card number '" + card.number() + "' is not 12 to 19"
          + " digits; type the number as printed on the card");
    }
    if (!Luhn.isValid(digits)) {
      throw new IllegalArgumentException("card number '" + card.number() + "' fails the Luhn"
          + " check, so a digit is mistyped; check the number (4111 1111 1111 1111 is a test card)");
    }
    String masked = "card ending " + digits.substring(digits.length() - 4);
    if (digits.equals(DECLINED_TEST_CARD)) {
      throw new PaymentDeclinedException("the issuer declined " + request.amount().toPlainString()
          + " " + request.currency().getCurrencyCode() + " on the " + masked
          + "; use another card");
    }
    return new Receipt("card", request.amount(), request.currency(),
        "card-" + UUID.randomUUID(), masked);
  }
}
