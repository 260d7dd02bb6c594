package io.yizhan.visit.stations;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The replica of the station registry. */
public interface KnownStations {

  /** Adds or refreshes a station; applying the same fact twice changes nothing. */
  Mono<Void> save(KnownStation station);

  Mono<KnownStation> find(UUID id);

  /** The known ones among {@code ids}, by id: one query for a whole batch of check-ins. */
  Mono<java.util.Map<UUID, KnownStation>> findAll(java.util.Collection<UUID> ids);

  /** Every station listed in {@code district}, or in the city when null, whatever its status. */
  Flux<KnownStation> listed(@Nullable String district);
}
