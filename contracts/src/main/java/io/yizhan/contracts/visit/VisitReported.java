package io.yizhan.contracts.visit;

import io.yizhan.contracts.EventType;
import io.yizhan.contracts.Require;
import io.yizhan.contracts.Topics;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A district system reports a visit it collected. visit-service checks it like any check-in
 * and, once accepted, publishes it as {@link VisitRecorded}. The district's own visit id makes
 * a resend harmless.
 */
public record VisitReported(
    String visitId,
    String stationId,
    Instant visitedAt,
    WorkerType workerType,
    List<ServiceUsed> services,
    @Nullable String workerToken) {

  public static final EventType<VisitReported> TYPE =
      new EventType<>("visit.reported", 1, Topics.VISIT_INBOUND, VisitReported.class);

  public VisitReported {
    Require.text(visitId, "visitId");
    Require.text(stationId, "stationId");
    Require.present(visitedAt, "visitedAt");
    Require.present(workerType, "workerType");
    services = List.copyOf(Require.present(services, "services"));
  }
}
