package dev.patchbay.cluster;

/**
 * A node could not join its cluster: the database was unreachable or unusable, or the node's id
 * is taken. The message names the database by its JDBC URL, never its password.
 */
public final class ClusterStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed and what to do about it
   * @param cause the underlying failure, or null
   */
  public ClusterStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
