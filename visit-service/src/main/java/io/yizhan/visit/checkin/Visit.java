package io.yizhan.visit.checkin;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.WorkerType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One use of a station by one worker. Carries at most a pseudonymous token: never a name or phone.
 *
 * @param id the client's or district system's id for the visit, unique across the platform
 */
public record Visit(
    String id,
    UUID stationId,
    Instant visitedAt,
    WorkerType workerType,
    List<ServiceUsed> services,
    VisitChannel channel,
    @Nullable String workerToken) {

  public Visit {
    services = List.copyOf(services);
  }
}
