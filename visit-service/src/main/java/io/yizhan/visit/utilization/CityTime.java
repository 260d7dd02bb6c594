package io.yizhan.visit.utilization;

import io.yizhan.hours.OpeningHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Days and hours are the city's, whatever the server's time zone. */
public final class CityTime {

  public static final ZoneId ZONE = OpeningHours.CITY;

  public static LocalDate dayOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  private CityTime() {}
}
