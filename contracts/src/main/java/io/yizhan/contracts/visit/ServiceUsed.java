package io.yizhan.contracts.visit;

import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a worker used during a visit. */
public enum ServiceUsed {
  TOILET("如厕", "TOILET_ACCESS"),
  WATER("饮水", "DRINKING_WATER"),
  REST("休息", null),
  WARMTH_COOLING("取暖纳凉", "HEATING_COOLING"),
  CHARGING("充电", "CHARGING"),
  MEAL_HEATING("热饭", "MICROWAVE"),
  FIRST_AID("急救", "FIRST_AID_KIT"),
  LEGAL_UNION_SERVICE("法律及工会服务", null),
  ACTIVITY("参加活动", null);

  private final String label;
  private final @Nullable String amenity;

  ServiceUsed(String label, @Nullable String amenity) {
    this.label = label;
    this.amenity = amenity;
  }

  /** The name every page gives this service, so a worker, a manager and the union read the same word. */
  public String label() {
    return label;
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
