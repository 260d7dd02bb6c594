package io.yizhan.assessment.indicators;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The indicators of all stations, fed by events. */
public interface Indicators {

  /**
   * The consumer name visits are recorded under in the inbox and dead letters are signed with: the
   * name they had when counted one at a time, so the batch consumer counts none of them twice.
   */
  String VISITS_CONSUMER = "indicators-visits";

  Mono<Void> stationListed(UUID stationId, String name, String kind, String district, Instant listedAt);

  /**
   * Adds the visits whose events were not seen before, in one transaction with the record of their
   * event ids (a poll of visit.events.v1 at a time, ADR 12).
   *
   * @return how many were new
   */
  Mono<Long> visitsObserved(List<ObservedVisit> visits);

  Mono<StationIndicators> of(UUID stationId);
}
