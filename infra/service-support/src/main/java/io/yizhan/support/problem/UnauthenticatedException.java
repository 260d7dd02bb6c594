package io.yizhan.support.problem;

/** The request carries a token that is not valid here (expired, wrongly signed, for another system). */
public class UnauthenticatedException extends RuntimeException {

  public UnauthenticatedException(String message, Throwable cause) {
    super(message, cause);
  }
}
