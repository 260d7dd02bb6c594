package io.yizhan.visit.stations;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The replica of the station registry. */
public interface KnownStations {

  /** Adds or refreshes a station; applying the same fact twice changes nothing. */
  Mono<Void> save(KnownStation station);

  /** The station as stored now: what an update of the replica must start from. */
  Mono<KnownStation> find(UUID id);

  /**
   * The station as stored at most a few seconds ago ({@code yizhan.visits.station-max-age}): for
   * check-ins, which need it on every request and for which a change of hours or status a few
   * seconds late is as good as one that came a few seconds later through Kafka.
   */
  Mono<KnownStation> findRecent(UUID id);

  /** The known ones among {@code ids}, by id: one query for a whole batch of check-ins. */
  Mono<java.util.Map<UUID, KnownStation>> findAll(java.util.Collection<UUID> ids);

  /** Every station listed in {@code district}, or in the city when null, whatever its status. */
  Flux<KnownStation> listed(@Nullable String district);
}
