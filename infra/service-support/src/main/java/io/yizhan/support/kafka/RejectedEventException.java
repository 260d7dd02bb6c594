package io.yizhan.support.kafka;

/**
 * A well-formed event that the consumer cannot apply, for a reason retrying will not change (a
 * visit for a station nobody registered, say). It goes to the dead-letter topic with this message.
 */
public class RejectedEventException extends RuntimeException {

  public RejectedEventException(String reason) {
    super(reason);
  }
}
