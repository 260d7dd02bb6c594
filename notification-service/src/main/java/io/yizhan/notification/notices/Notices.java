package io.yizhan.notification.notices;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every notice written. */
public interface Notices {

  /** Stores a notice unless one exists for the same cause and recipient role. */
  Mono<Void> add(Notice notice);

  Flux<Notice> forStation(UUID stationId, int limit);
}
