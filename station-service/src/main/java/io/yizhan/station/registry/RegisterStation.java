package io.yizhan.station.registry;

import org.jspecify.annotations.Nullable;

/**
 * What a district union submits to list a station. Fields may be missing: {@link
 * RegisteringStation} checks them all and names each bad one.
 */
public record RegisterStation(
    @Nullable String name,
    @Nullable String kind,
    @Nullable String district,
    @Nullable String address,
    @Nullable Double latitude,
    @Nullable Double longitude,
    @Nullable Integer capacity,
    @Nullable String managerName,
    @Nullable String managerPhone) {}
