package io.yizhan.contracts;

/**
 * A record that cannot be read as a valid event of the expected type. Retrying cannot help: it
 * belongs in the dead-letter topic with this message as the reason.
 */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String reason, Throwable cause) {
    super(reason, cause);
  }

  public MalformedEventException(String reason) {
    super(reason);
  }
}
