package io.yizhan.contracts.station;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A district union listed a new station. Carries what other services keep in their replicas:
 * kind, district, place, capacity, the responsibility chain to notify, status and hours.
 *
 * <p>The fields after {@code manager} were added within version 1 and are absent from events
 * written before them: consumers must accept null.
 */
public record StationRegistered(
    String stationId,
    String name,
    StationKind kind,
    String district,
    String address,
    double latitude,
    double longitude,
    int capacity,
    Contact manager,
    @Nullable Contact regionalHead,
    @Nullable Contact districtChief,
    @Nullable BuildMode buildMode,
    @Nullable String partner,
    @Nullable AreaType areaType,
    @Nullable StationStatus status,
    @Nullable Hours hours,
    @Nullable List<String> amenities) {

  public static final EventType<StationRegistered> TYPE =
      new EventType<>("station.registered", 1, Topics.STATION_EVENTS, StationRegistered.class);

  /** A registration as version 1 first defined it, without the later optional fields. */
  public StationRegistered(String stationId, String name, StationKind kind, String district, String address,
      double latitude, double longitude, int capacity, Contact manager) {
    this(stationId, name, kind, district, address, latitude, longitude, capacity, manager,
        null, null, null, null, null, null, null, null);
  }

  public StationRegistered {
    Require.text(stationId, "stationId");
    Require.text(name, "name");
    Require.present(kind, "kind");
    Require.text(district, "district");
    Require.text(address, "address");
    Require.present(manager, "manager");
    amenities = amenities == null ? null : List.copyOf(amenities);
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
  }
}
