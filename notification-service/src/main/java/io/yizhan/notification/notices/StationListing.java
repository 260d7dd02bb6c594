package io.yizhan.notification.notices;

import java.util.UUID;

/** The facts of a newly listed station that the notice speaks of. */
public record StationListing(
    UUID eventId, UUID stationId, String stationName, String district, String managerName) {}
