package io.yizhan.contracts.station;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;

/**
 * A district union listed a new station. Carries what other services keep in their replicas:
 * kind, district, place, capacity and the station manager to notify.
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
    Contact manager) {

  public static final EventType<StationRegistered> TYPE =
      new EventType<>("station.registered", 1, Topics.STATION_EVENTS, StationRegistered.class);

  public StationRegistered {
    Require.text(stationId, "stationId");
    Require.text(name, "name");
    Require.present(kind, "kind");
    Require.text(district, "district");
    Require.text(address, "address");
    Require.present(manager, "manager");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
  }
}
