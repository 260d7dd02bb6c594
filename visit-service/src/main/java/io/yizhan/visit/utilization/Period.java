package io.yizhan.visit.utilization;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Whole days of the city, {@code from} and {@code to} included. */
public record Period(LocalDate from, LocalDate to) {

  /**
   * Four weeks: what the figures cover unless asked otherwise, and what a station's published
   * busy/idle standing is judged on, so that the dashboard and the events speak of the same span.
   */
  public static final int DEFAULT_DAYS = 28;

  /** A year of hourly figures is the most one answer reads. */
  public static final long MAX_DAYS = 366;

  public Period {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("结束日期不能早于开始日期");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new IllegalArgumentException("时间段最长 " + MAX_DAYS + " 天");
    }
  }

  /** The {@code days} days ending with {@code last}. */
  public static Period ending(LocalDate last, int days) {
    return new Period(last.minusDays(days - 1L), last);
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public Instant start() {
    return from.atStartOfDay(CityTime.ZONE).toInstant();
  }

  /** The first instant after the period. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(CityTime.ZONE).toInstant();
  }
}
