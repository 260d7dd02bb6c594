package io.yizhan.contracts.station;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;

/** A station's opening hours were replaced; {@code hours} is the whole new schedule. */
public record StationHoursChanged(String stationId, long version, Hours hours) {

  public static final EventType<StationHoursChanged> TYPE =
      new EventType<>("station.hours-changed", 1, Topics.STATION_EVENTS, StationHoursChanged.class);

  public StationHoursChanged {
    Require.text(stationId, "stationId");
    Require.present(hours, "hours");
  }
}
