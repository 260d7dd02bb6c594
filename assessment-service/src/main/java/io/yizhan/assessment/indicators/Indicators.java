package io.yizhan.assessment.indicators;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The indicators of all stations, fed by events. */
public interface Indicators {

  /** The consumer name dead letters of utilization.events.v1 are signed with. */
  String UTILIZATION_CONSUMER = "indicators-utilization";

  Mono<Void> stationListed(UUID stationId, String name, String kind, String district, Instant listedAt);

  /**
   * Takes each hour's counts where they are larger than the ones held, and adds the difference to
   * its station's totals, in one transaction (a poll of utilization.events.v1 at a time). A
   * redelivered or older figure changes nothing.
   *
   * @return how many station-hours changed
   */
  Mono<Integer> hoursCounted(List<CountedHour> hours);

  Mono<StationIndicators> of(UUID stationId);
}
