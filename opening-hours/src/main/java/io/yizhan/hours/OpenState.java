package io.yizhan.hours;

import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Whether a station is open at a moment.
 *
 * @param open     open at that moment
 * @param until    when open: when it closes (null: it does not close within the coming week)
 * @param nextOpen when closed: when it opens next (null: not within the coming week)
 */
public record OpenState(boolean open, @Nullable ZonedDateTime until, @Nullable ZonedDateTime nextOpen) {

  static OpenState openUntil(@Nullable ZonedDateTime until) {
    return new OpenState(true, until, null);
  }

  static OpenState closedUntil(@Nullable ZonedDateTime nextOpen) {
    return new OpenState(false, null, nextOpen);
  }
}
