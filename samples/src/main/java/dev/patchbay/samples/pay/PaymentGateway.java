package dev.patchbay.samples.pay;

import dev.patchbay.ExtensionPoint;

/**
 * Takes a payment from one kind of source (card, wallet). Plugins are chosen by name through the
 * generated {@code PaymentGatewayRegistry}.
 */
@ExtensionPoint
public interface PaymentGateway {

  /**
   * Charges {@code request.amount()} to the request's source.
   *
   * @param request a valid amount (see {@link PaymentRequest}) and where it comes from
   * @return the receipt of the accepted payment
   * @throws IllegalArgumentException when the source does not suit this gateway or is invalid
   *     (for example a card number failing the Luhn check)
   * @throws PaymentDeclinedException when the payment is well-formed but refused
   */
  Receipt process(PaymentRequest request);

  /**
   * The kind of source this gateway takes, so callers know what to ask the user for.
   *
   * @return a {@link PaymentSource} record class
   */
  Class<? extends PaymentSource> sourceType();
}
