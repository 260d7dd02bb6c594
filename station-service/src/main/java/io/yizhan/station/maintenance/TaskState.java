package io.yizhan.station.maintenance;

import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.station.registry.ResponsibilityChain;
import io.yizhan.station.registry.StationId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where one task of one station stands.
 *
 * @param lastDoneAt null when never recorded: then the task fell due one interval after the
 *                   station opened
 * @param dueAt      when it is (or was) next due
 */
public record TaskState(
    StationId stationId,
    String stationName,
    String district,
    ResponsibilityChain chain,
    TaskKind task,
    @Nullable Instant lastDoneAt,
    Instant dueAt) {

  public boolean overdueAt(Instant now) {
    return now.isAfter(dueAt);
  }

  /** Whole days past due; 0 on the day it fell due and before. */
  public int overdueDays(Instant now) {
    return overdueAt(now) ? (int) Duration.between(dueAt, now).toDays() : 0;
  }

  public @Nullable Tier tierAt(Instant now, Escalation escalation) {
    return escalation.reached(dueAt, now);
  }
}
