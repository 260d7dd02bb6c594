package io.yizhan.support.problem;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Something the request needs (the database, the broker) does not answer now. Nothing was
 * accepted: the caller should send the same request again after {@link #retryAfter()}.
 */
public class UnavailableException extends RuntimeException {

  private final Duration retryAfter;

  public UnavailableException(String message, Duration retryAfter, @Nullable Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
