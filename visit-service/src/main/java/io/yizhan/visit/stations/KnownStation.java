package io.yizhan.visit.stations;

import io.yizhan.hours.OpeningHours;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A station as visit-service needs to know it.
 *
 * @param status the registry's lifecycle status, e.g. ACTIVE or REVOKED
 * @param hours  null when the registry has not said (stations listed before hours were kept)
 */
public record KnownStation(
    UUID id, String name, String kind, String district, int capacity, Instant registeredAt, String status,
    @Nullable OpeningHours hours) {

  /**
   * Whether a worker arriving at {@code at} found it open: active and within its hours. A closed,
   * suspended or revoked station still gets the visit recorded, as demand outside hours.
   *
   * @return null when its hours are unknown
   */
  public @Nullable Boolean openAt(Instant at) {
    if (!"ACTIVE".equals(status)) {
      return false;
    }
    return hours == null ? null : hours.isOpenAt(at.atZone(OpeningHours.CITY));
  }

  public KnownStation withHours(OpeningHours newHours) {
    return new KnownStation(id, name, kind, district, capacity, registeredAt, status, newHours);
  }

  public KnownStation withStatus(String newStatus) {
    return new KnownStation(id, name, kind, district, capacity, registeredAt, newStatus, hours);
  }
}
