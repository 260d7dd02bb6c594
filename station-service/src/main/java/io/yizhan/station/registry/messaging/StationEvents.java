package io.yizhan.station.registry.messaging;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.station.StationHoursChanged;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.contracts.station.StationUpdated;
import io.yizhan.hours.HoursConversion;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StatusChange;
import java.time.Instant;

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
            station.chain().manager(),
            station.chain().regionalHead(),
            station.chain().districtChief(),
            station.buildMode(),
            station.partner(),
            station.areaType(),
            station.status(),
            HoursConversion.write(station.hours()),
            station.amenities()));
  }

  public static EventEnvelope<StationUpdated> updated(Station s, String by, Instant at) {
    return EventEnvelope.of(StationUpdated.TYPE, SOURCE, s.id().toString(), at,
        new StationUpdated(s.id().toString(), s.version(), s.name(), s.kind(), s.district(), s.address(),
            s.location().latitude(), s.location().longitude(), s.capacity(), s.chain().manager(),
            s.chain().regionalHead(), s.chain().districtChief(), s.buildMode(), s.partner(), s.areaType(),
            s.contactPhone(), s.photoUrls(), s.amenities(), by));
  }

  public static EventEnvelope<StationHoursChanged> hoursChanged(Station station, Instant at) {
    return EventEnvelope.of(StationHoursChanged.TYPE, SOURCE, station.id().toString(), at,
        new StationHoursChanged(station.id().toString(), station.version(), HoursConversion.write(station.hours())));
  }

  public static EventEnvelope<StationStatusChanged> statusChanged(Station station, StatusChange change) {
    return EventEnvelope.of(StationStatusChanged.TYPE, SOURCE, station.id().toString(), change.at(),
        new StationStatusChanged(station.id().toString(), station.version(), change.from(), change.to(),
            change.by(), change.reason()));
  }

  private StationEvents() {}
}
