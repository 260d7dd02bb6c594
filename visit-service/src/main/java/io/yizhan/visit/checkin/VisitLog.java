package io.yizhan.visit.checkin;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Where accepted visits are announced to the rest of the platform (visit.events.v1): utilization,
 * assessment and district systems read them there (ADR 13).
 */
public interface VisitLog {

  /**
   * Appends the visits and completes once the log holds every one durably; fails (with nothing
   * to undo but the caller's transaction) when it cannot within a few seconds.
   */
  Mono<Void> append(List<Visit> visits);
}
