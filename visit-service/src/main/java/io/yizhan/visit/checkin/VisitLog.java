package io.yizhan.visit.checkin;

import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where accepted visits are announced to the rest of the platform (visit.events.v1): utilization,
 * assessment and district systems read them there (ADR 13).
 */
public interface VisitLog {

  /**
   * Appends the visits and completes once the log holds every one durably, with the ids of the
   * events appended ({@link Visit#eventId()}, in the visits' order, so no caller computes them
   * again); fails (with nothing to undo but the caller's transaction) when it cannot within a
   * few seconds.
   */
  Mono<List<UUID>> append(List<Visit> visits);
}
