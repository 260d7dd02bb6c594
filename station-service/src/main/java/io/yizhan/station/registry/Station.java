package io.yizhan.station.registry;

import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import java.time.Instant;

/**
 * A care station or service point as the registry knows it.
 *
 * @param version increases with every change; clients send it back to detect concurrent edits
 */
public record Station(
    StationId id,
    String name,
    StationKind kind,
    String district,
    String address,
    GeoPoint location,
    int capacity,
    Contact manager,
    long version,
    Instant registeredAt) {}
