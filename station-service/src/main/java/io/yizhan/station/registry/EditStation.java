package io.yizhan.station.registry;

import io.yizhan.contracts.station.Hours;
import io.yizhan.station.registry.RegisterStation.Person;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A station's details as a district union resubmits them, and who did it. {@code hours} and
 * {@code status} are only here to be refused with a pointer to their own changes.
 */
public record EditStation(
    @Nullable String name,
    @Nullable String kind,
    @Nullable String buildMode,
    @Nullable String partner,
    @Nullable String district,
    @Nullable String areaType,
    @Nullable String address,
    @Nullable Double latitude,
    @Nullable Double longitude,
    @Nullable Integer capacity,
    @Nullable String contactPhone,
    @Nullable List<String> photoUrls,
    @Nullable List<String> amenities,
    @Nullable Person manager,
    @Nullable Person regionalHead,
    @Nullable Person districtChief,
    @Nullable String by,
    @Nullable Hours hours,
    @Nullable String status) {

  RegisterStation details(Hours currentHours) {
    EditingStation.refuseOwnChanges(this);
    return new RegisterStation(name, kind, buildMode, partner, district, areaType, address, latitude, longitude,
        capacity, contactPhone, photoUrls, currentHours, amenities, manager, regionalHead, districtChief, null);
  }
}
