package io.yizhan.station.registry;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** All registered stations. */
public interface Stations {

  /** Stores a new station and announces it, both or neither. */
  Mono<Station> register(Station station);

  Mono<Station> find(StationId id);

  Flux<Station> inDistrict(String district, int limit);

  Flux<Station> all(int limit);
}
