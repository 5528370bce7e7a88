package dev.patchbay.samples.notify;

/** A notification the recipient's server refused, or a server that could not be reached. */
public class DeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, where, and what to check
   * @param cause the underlying failure, or null
   */
  public DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
