package io.yizhan.hours;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Open from {@code opens} to {@code closes} on one day. When {@code closes} is not after
 * {@code opens} the opening runs past midnight: 22:00–02:00 ends the next morning, 08:00–00:00
 * ends at midnight, and 00:00–00:00 is the whole day.
 */
public record TimeRange(LocalTime opens, LocalTime closes) {

  public TimeRange {
    Objects.requireNonNull(opens, "opens");
    Objects.requireNonNull(closes, "closes");
  }

  public static TimeRange of(String opens, String closes) {
    return new TimeRange(LocalTime.parse(opens), "24:00".equals(closes) ? LocalTime.MIDNIGHT : LocalTime.parse(closes));
  }

  public boolean crossesMidnight() {
    return !closes.isAfter(opens);
  }

  public Duration length() {
    Duration d = Duration.between(opens, closes);
    return crossesMidnight() ? d.plusDays(1) : d;
  }

  @Override
  public String toString() {
    return opens + "–" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString());
  }
}
