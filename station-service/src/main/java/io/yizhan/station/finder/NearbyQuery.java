package io.yizhan.station.finder;

import io.yizhan.contracts.station.StationKind;
import java.time.ZonedDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a worker asks: stations near a point, within a radius, optionally only those open now,
 * of a kind, or offering every listed amenity.
 */
public record NearbyQuery(
    double latitude,
    double longitude,
    int radiusMeters,
    int limit,
    boolean openNow,
    Set<String> amenities,
    @Nullable StationKind kind,
    ZonedDateTime at) {

  public NearbyQuery {
    amenities = Set.copyOf(amenities);
  }
}
