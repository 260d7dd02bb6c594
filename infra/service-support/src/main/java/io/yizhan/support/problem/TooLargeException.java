package io.yizhan.support.problem;

/** The request carries more than one call may (rows, lines, bytes); the message says the limit and what to do. */
public class TooLargeException extends RuntimeException {

  public TooLargeException(String message) {
    super(message);
  }
}
