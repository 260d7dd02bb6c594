package io.yizhan.station.registry;

import io.yizhan.contracts.station.AreaType;
import io.yizhan.contracts.station.BuildMode;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationStatus;
import io.yizhan.hours.OpeningHours;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A care station or service point as the registry knows it.
 *
 * @param buildMode null only for stations registered before it was recorded (Part 1)
 * @param partner  the co-building organisation; null for a union-built station
 * @param areaType null only for stations registered before it was recorded (Part 1)
 * @param hours    {@link OpeningHours#unknown()} for stations registered before hours were kept
 * @param version  increases with every change; clients send it back (If-Match) so that two
 *                 people editing at once cannot overwrite each other unseen
 */
public record Station(
    StationId id,
    String name,
    StationKind kind,
    @Nullable BuildMode buildMode,
    @Nullable String partner,
    String district,
    @Nullable AreaType areaType,
    String address,
    GeoPoint location,
    int capacity,
    @Nullable String contactPhone,
    List<String> photoUrls,
    OpeningHours hours,
    List<String> amenities,
    ResponsibilityChain chain,
    StationStatus status,
    long version,
    Instant registeredAt) {

  public Station {
    photoUrls = List.copyOf(photoUrls);
    amenities = List.copyOf(amenities);
  }

  public Station withHours(OpeningHours newHours) {
    return new Station(id, name, kind, buildMode, partner, district, areaType, address, location, capacity,
        contactPhone, photoUrls, newHours, amenities, chain, status, version + 1, registeredAt);
  }

  public Station withStatus(StationStatus newStatus) {
    return new Station(id, name, kind, buildMode, partner, district, areaType, address, location, capacity,
        contactPhone, photoUrls, hours, amenities, chain, newStatus, version + 1, registeredAt);
  }

  /** This station with every detail of {@code edited} except identity, hours, status and registration. */
  public Station withDetailsOf(Station edited) {
    return new Station(id, edited.name, edited.kind, edited.buildMode, edited.partner, edited.district,
        edited.areaType, edited.address, edited.location, edited.capacity, edited.contactPhone, edited.photoUrls,
        hours, edited.amenities, edited.chain, status, version + 1, registeredAt);
  }
}
