package io.yizhan.station.finder;

import io.yizhan.contracts.station.StationKind;
import io.yizhan.hours.OpeningHours;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the finder keeps of a station: only what a worker's answer shows, about a third of the
 * full record, so that national scale fits the service's heap (ADR 8).
 */
public record FinderEntry(
    StationId id,
    String name,
    StationKind kind,
    String address,
    double latitude,
    double longitude,
    OpeningHours hours,
    List<String> amenities,
    @Nullable String contactPhone) {

  static FinderEntry of(Station s, Interner interner) {
    return new FinderEntry(s.id(), s.name(), s.kind(), s.address(), s.location().latitude(), s.location().longitude(),
        interner.hours(s.hours()), interner.amenities(s.amenities()), s.contactPhone());
  }
}
