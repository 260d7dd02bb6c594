package io.yizhan.station.coverage;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** District boundaries, demand points and candidate venues, as planners uploaded them. */
public interface PlanningAreas {

  /** Replaces the district's boundary. */
  Mono<Void> saveArea(PlanningArea area);

  Flux<PlanningArea> areas();

  /** Replaces every demand point of the district with these. */
  Mono<Void> replaceDemand(String district, List<DemandPoint> points);

  /** Demand points of one district, or of all when {@code district} is null. */
  Flux<DemandPoint> demand(@org.jspecify.annotations.Nullable String district);

  /** Replaces every candidate venue of the district with these. */
  Mono<Void> replaceVenues(String district, List<Venue> venues);

  /** Candidate venues of one district, or of all when {@code district} is null. */
  Flux<Venue> venues(@org.jspecify.annotations.Nullable String district);
}
