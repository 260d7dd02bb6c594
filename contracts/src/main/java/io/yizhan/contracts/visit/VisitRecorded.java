package io.yizhan.contracts.visit;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * visit-service accepted one use of a station. Never carries a name or phone number: at most a
 * pseudonymous worker token.
 *
 * @param stationOpen whether the station was open (active and within its hours) when visited:
 *                    false is demand outside opening hours, which the union must see; null when
 *                    the station's hours were unknown, and in events written before the field
 *                    was added within v1
 */
public record VisitRecorded(
    String visitId,
    String stationId,
    Instant visitedAt,
    WorkerType workerType,
    List<ServiceUsed> services,
    VisitChannel channel,
    @Nullable String workerToken,
    @Nullable Boolean stationOpen) {

  /** A visit as version 1 first defined it, without whether the station was open. */
  public VisitRecorded(String visitId, String stationId, Instant visitedAt, WorkerType workerType,
      List<ServiceUsed> services, VisitChannel channel, @Nullable String workerToken) {
    this(visitId, stationId, visitedAt, workerType, services, channel, workerToken, null);
  }

  public static final EventType<VisitRecorded> TYPE =
      new EventType<>("visit.recorded", 1, Topics.VISIT_EVENTS, VisitRecorded.class);

  public VisitRecorded {
    Require.text(visitId, "visitId");
    Require.text(stationId, "stationId");
    Require.present(visitedAt, "visitedAt");
    Require.present(workerType, "workerType");
    Require.present(channel, "channel");
    services = List.copyOf(Require.present(services, "services"));
  }
}
