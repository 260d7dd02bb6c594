package io.yizhan.visit.utilization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One station in one clock hour, the unit utilization is kept in. Asia/Shanghai is UTC+8 the whole
 * year, so truncating the instant to the hour gives the city's hour.
 */
public record StationHour(UUID stationId, Instant hour) {

  public static StationHour of(UUID stationId, Instant at) {
    return new StationHour(stationId, at.truncatedTo(ChronoUnit.HOURS));
  }
}
