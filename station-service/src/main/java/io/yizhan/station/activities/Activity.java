package io.yizhan.station.activities;

import io.yizhan.station.registry.StationId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One activity held at a station, as its manager logged it. */
public record Activity(
    UUID id,
    StationId stationId,
    ActivityKind kind,
    String title,
    LocalDate heldOn,
    @Nullable Integer participants,
    String by,
    @Nullable String note,
    Instant loggedAt) {}
