package io.yizhan.contracts.visit;

import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a worker used during a visit. */
public enum ServiceUsed {
  TOILET("TOILET_ACCESS"),
  WATER("DRINKING_WATER"),
  REST(null),
  WARMTH_COOLING("HEATING_COOLING"),
  CHARGING("CHARGING"),
  MEAL_HEATING("MICROWAVE"),
  FIRST_AID("FIRST_AID_KIT"),
  LEGAL_UNION_SERVICE(null),
  ACTIVITY(null);

  private final @Nullable String amenity;

  ServiceUsed(@Nullable String amenity) {
    this.amenity = amenity;
  }

  /**
   * The amenity (a code of station-service's catalog) a station needs to offer this service; empty
   * for what every station offers: a seat to rest on, the union's help, its activities.
   */
  public Optional<String> amenity() {
    return Optional.ofNullable(amenity);
  }

  /** Whether a station with these amenities offers this service. */
  public boolean offeredWith(Collection<String> amenities) {
    return amenity == null || amenities.contains(amenity);
  }
}
