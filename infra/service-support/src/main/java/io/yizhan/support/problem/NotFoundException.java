package io.yizhan.support.problem;

/** What was asked for does not exist. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
