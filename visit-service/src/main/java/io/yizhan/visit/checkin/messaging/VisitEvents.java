package io.yizhan.visit.checkin.messaging;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.visit.checkin.Visit;
import java.time.Instant;

/** Translates an accepted visit into {@code visit.recorded} on visit.events.v1. */
public final class VisitEvents {

  public static final String SOURCE = "visit-service";

  public static EventEnvelope<VisitRecorded> recorded(Visit visit, Instant recordedAt) {
    return EventEnvelope.of(
        VisitRecorded.TYPE,
        SOURCE,
        visit.stationId().toString(),
        recordedAt,
        new VisitRecorded(
            visit.id(),
            visit.stationId().toString(),
            visit.visitedAt(),
            visit.workerType(),
            visit.services(),
            visit.channel(),
            visit.workerToken(),
            visit.stationOpen()));
  }

  private VisitEvents() {}
}
