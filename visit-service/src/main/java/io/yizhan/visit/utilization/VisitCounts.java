package io.yizhan.visit.utilization;

import java.time.LocalDate;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The utilization read model: visits per station per day. */
public interface VisitCounts {

  /** Adds one visit to the station's day. Runs inside the consumer's inbox transaction. */
  Mono<Void> addOne(UUID stationId, LocalDate day);

  /** Days from {@code from} to {@code to} inclusive, with 0 for days without visits. */
  Flux<DailyVisits> between(UUID stationId, LocalDate from, LocalDate to);
}
