package io.yizhan.visit.utilization;

import java.util.UUID;

/**
 * How much one station was used over a period, the facts a busy/idle judgement rests on.
 *
 * @param days            days of the period the station was in use (listed here, or visited)
 * @param periodDays      days in the period
 * @param visits          visits in the period
 * @param visitsByHourOfDay visits in the period by hour of day (0–23, Asia/Shanghai)
 */
public record StationLoad(
    UUID stationId, String name, String district, int capacity, long days, long periodDays, long visits,
    long[] visitsByHourOfDay) {

  public StationLoad {
    if (days < 1 || periodDays < days) {
      throw new IllegalArgumentException("a station is in use at least one day of a period, and at most all of it");
    }
    if (visitsByHourOfDay.length != 24) {
      throw new IllegalArgumentException("visitsByHourOfDay has 24 hours");
    }
    visitsByHourOfDay = visitsByHourOfDay.clone();
  }

  public double visitsPerDay() {
    return (double) visits / days;
  }

  /** Visits a day for each seat: comparable between a kiosk for 2 and a hall for 30. */
  public double visitsPerSeatPerDay() {
    return visitsPerDay() / Math.max(1, capacity);
  }

  /** The hour of day with the most visits. */
  public int busiestHour() {
    int busiest = 0;
    for (int h = 1; h < 24; h++) {
      if (visitsByHourOfDay[h] > visitsByHourOfDay[busiest]) {
        busiest = h;
      }
    }
    return busiest;
  }

  /** Average visits in the busiest hour of the day. */
  public double busiestHourAverage() {
    return (double) visitsByHourOfDay[busiestHour()] / days;
  }
}
