package io.yizhan.visit.checkin;

import reactor.core.publisher.Mono;

/** Every accepted visit. */
public interface Visits {

  /**
   * Stores the visit and announces it, both or neither. When a visit with the same id exists,
   * stores nothing and returns that one, marked as a duplicate.
   */
  Mono<CheckInResult> record(Visit visit);

  Mono<Visit> find(String id);
}
