package io.yizhan.station.registry;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** All registered stations. Every change stores the station and announces it, both or neither. */
public interface Stations {

  Mono<Station> register(Station station);

  /** Stores and announces all of them in one transaction: all or none. */
  Mono<Void> registerAll(java.util.List<Station> stations);

  /**
   * Stores new hours, provided the stored station is still at {@code changed.version() - 1};
   * otherwise fails with a conflict.
   */
  Mono<Station> changeHours(Station changed);

  /** Stores edited details, on the same condition as {@link #changeHours}; {@code by} is who edited. */
  Mono<Station> update(Station changed, String by);

  /** Stores a lifecycle move and its history row, on the same condition as {@link #changeHours}. */
  Mono<Station> changeStatus(Station changed, StatusChange change);

  Mono<Station> find(StationId id);

  Flux<Station> inDistrict(String district, int limit);

  Flux<Station> all(int limit);

  /** Every station, for loading an in-memory index; streamed, not collected. */
  Flux<Station> everything();
}
