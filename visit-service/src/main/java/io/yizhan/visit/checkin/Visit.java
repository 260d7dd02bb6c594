package io.yizhan.visit.checkin;

import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.WorkerType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One use of a station by one worker. Carries at most a pseudonymous token: never a name or phone.
 *
 * @param id          the client's or district system's id for the visit, unique across the platform
 * @param stationOpen whether the station was open then (false: demand outside opening hours, or
 *                    at a closed or revoked station); null when its hours were unknown
 */
public record Visit(
    String id,
    UUID stationId,
    Instant visitedAt,
    WorkerType workerType,
    List<ServiceUsed> services,
    VisitChannel channel,
    @Nullable String workerToken,
    @Nullable Boolean stationOpen) {

  public Visit {
    services = List.copyOf(services);
  }

  /**
   * The id of the {@code visit.recorded} event that announces this visit. It follows from the
   * visit's id: should a visit be appended twice (its transaction failed after the log
   * acknowledged it, and the client retried), consumers see the same event twice and apply it once.
   */
  public UUID eventId() {
    return UUID.nameUUIDFromBytes((VisitRecorded.TYPE.name() + "/" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** This visit, knowing whether its station was open at the time. */
  public Visit at(@Nullable Boolean open) {
    return new Visit(id, stationId, visitedAt, workerType, services, channel, workerToken, open);
  }
}
