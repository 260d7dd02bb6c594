package io.yizhan.support.problem;

/**
 * The request came without a token to something only a signed-in caller may do, where the
 * security filter could not tell in advance (it depends on what the body claims).
 */
public class SignInRequiredException extends RuntimeException {

  public SignInRequiredException(String message) {
    super(message);
  }
}
