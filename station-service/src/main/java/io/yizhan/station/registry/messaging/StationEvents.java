package io.yizhan.station.registry.messaging;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.station.registry.Station;

/** Translates registry facts into the published language of {@code station.events.v1}. */
public final class StationEvents {

  public static final String SOURCE = "station-service";

  public static EventEnvelope<StationRegistered> registered(Station station) {
    return EventEnvelope.of(
        StationRegistered.TYPE,
        SOURCE,
        station.id().toString(),
        station.registeredAt(),
        new StationRegistered(
            station.id().toString(),
            station.name(),
            station.kind(),
            station.district(),
            station.address(),
            station.location().latitude(),
            station.location().longitude(),
            station.capacity(),
            station.manager()));
  }

  private StationEvents() {}
}
