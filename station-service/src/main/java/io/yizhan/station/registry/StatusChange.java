package io.yizhan.station.registry;

import io.yizhan.contracts.station.StationStatus;
import java.time.Instant;

/** One lifecycle move, as kept in the station's history. */
public record StatusChange(StationStatus from, StationStatus to, String by, String reason, Instant at) {}
