package io.yizhan.station.maintenance;

import io.yizhan.station.registry.StationId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A task recorded done: by whom, when, with an optional note (what was restocked, say). */
public record MaintenanceRecord(
    UUID id, StationId stationId, String task, Instant doneAt, String by, @Nullable String note, Instant recordedAt) {}
