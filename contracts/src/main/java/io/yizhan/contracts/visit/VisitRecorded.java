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
 */
public record VisitRecorded(
    String visitId,
    String stationId,
    Instant visitedAt,
    WorkerType workerType,
    List<ServiceUsed> services,
    VisitChannel channel,
    @Nullable String workerToken) {

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
