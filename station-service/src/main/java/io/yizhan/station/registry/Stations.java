package io.yizhan.station.registry;

import io.yizhan.support.problem.NotFoundException;
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

  /** The station, or a 404 problem naming the id: for every request about one station. */
  default Mono<Station> existing(StationId id) {
    return find(id).switchIfEmpty(Mono.error(() -> new NotFoundException("未找到编号为 " + id + " 的站点，请核对站点编号。")));
  }

  Flux<Station> inDistrict(String district, int limit);

  Flux<Station> all(int limit);

  /** Every station, for loading an in-memory index; streamed, not collected. */
  Flux<Station> everything();
}
