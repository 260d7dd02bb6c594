package io.yizhan.visit.stations;

import java.util.UUID;
import reactor.core.publisher.Mono;

/** The replica of the station registry. */
public interface KnownStations {

  /** Adds or refreshes a station; applying the same fact twice changes nothing. */
  Mono<Void> save(KnownStation station);

  Mono<KnownStation> find(UUID id);

  /** The known ones among {@code ids}, by id: one query for a whole batch of check-ins. */
  Mono<java.util.Map<UUID, KnownStation>> findAll(java.util.Collection<UUID> ids);
}
