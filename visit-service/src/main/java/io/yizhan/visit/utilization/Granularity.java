package io.yizhan.visit.utilization;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** How finely a series is cut: by hour, day, week (from Monday) or month, in city time. */
public enum Granularity {
  HOUR,
  DAY,
  WEEK,
  MONTH;

  /** The start of the bucket {@code time} falls in. */
  public LocalDateTime bucketOf(LocalDateTime time) {
    return switch (this) {
      case HOUR -> time.truncatedTo(ChronoUnit.HOURS);
      case DAY -> time.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> time.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    };
  }

  public LocalDateTime next(LocalDateTime bucket) {
    return switch (this) {
      case HOUR -> bucket.plusHours(1);
      case DAY -> bucket.plusDays(1);
      case WEEK -> bucket.plusWeeks(1);
      case MONTH -> bucket.plusMonths(1);
    };
  }
}
