package io.yizhan.visit.utilization;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One visit as utilization counts it: the fact from visit.events.v1, with the id of the event
 * that carried it (the key of at-most-once).
 *
 * @param stationOpen false when the worker found the station closed; null when unknown
 * @param acceptedAt  when visit-service accepted the visit (the event's occurredAt): freshness is
 *                    measured from it
 */
public record CountedVisit(
    UUID eventId, UUID stationId, Instant visitedAt, WorkerType workerType, Set<ServiceUsed> services,
    @Nullable Boolean stationOpen, Instant acceptedAt) {

  public CountedVisit {
    services = Set.copyOf(services);
  }

  public StationHour stationHour() {
    return StationHour.of(stationId, visitedAt);
  }
}
