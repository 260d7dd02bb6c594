package io.yizhan.support.problem;

/** The caller is known but may not do this (another district's station, a role without the right). */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
