package io.yizhan.assessment.indicators;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The indicators of all stations. Each update runs in the consumer's inbox transaction. */
public interface Indicators {

  Mono<Void> stationListed(UUID stationId, String name, String kind, String district, Instant listedAt);

  Mono<Void> visitObserved(UUID stationId, Instant visitedAt, boolean newEmploymentForm);

  Mono<StationIndicators> of(UUID stationId);
}
