package io.yizhan.support.problem;

/**
 * A change that must say which version it is based on (If-Match) did not: without it, two
 * people editing at once would overwrite each other unseen (RFC 6585, 428).
 */
public class PreconditionRequiredException extends RuntimeException {

  public PreconditionRequiredException(String message) {
    super(message);
  }
}
