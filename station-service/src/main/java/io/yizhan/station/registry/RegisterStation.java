package io.yizhan.station.registry;

import io.yizhan.contracts.station.Hours;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a district union submits to list a station. Fields may be missing or wrong:
 * {@link RegisteringStation} checks them all and names each bad one.
 *
 * @param status PLANNED for a station not yet open, ACTIVE (the default) for one that is
 */
public record RegisterStation(
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
    @Nullable Hours hours,
    @Nullable List<String> amenities,
    @Nullable Person manager,
    @Nullable Person regionalHead,
    @Nullable Person districtChief,
    @Nullable String status) {

  /** A person in the responsibility chain, as entered. */
  public record Person(@Nullable String name, @Nullable String phone) {}
}
