package io.yizhan.contracts.station;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;

/**
 * A station moved in its lifecycle (opened, suspended, resumed, revoked, reinstated), by whom
 * and why.
 */
public record StationStatusChanged(
    String stationId, long version, StationStatus from, StationStatus to, String by, String reason) {

  public static final EventType<StationStatusChanged> TYPE =
      new EventType<>("station.status-changed", 1, Topics.STATION_EVENTS, StationStatusChanged.class);

  public StationStatusChanged {
    Require.text(stationId, "stationId");
    Require.present(from, "from");
    Require.present(to, "to");
    Require.text(by, "by");
    reason = reason == null ? "" : reason;
  }
}
