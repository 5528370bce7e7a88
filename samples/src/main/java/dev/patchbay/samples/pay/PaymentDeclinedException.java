package dev.patchbay.samples.pay;

/** A well-formed payment that the source refused: insufficient funds, a declined card. */
public class PaymentDeclinedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the payment was declined, with the amounts involved
   */
  public PaymentDeclinedException(String message) {
    super(message);
  }
}
