package io.yizhan.support.problem;

/** The request conflicts with the current state, e.g. it was based on an older version. */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
