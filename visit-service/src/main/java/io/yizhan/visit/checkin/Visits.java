package io.yizhan.visit.checkin;

import reactor.core.publisher.Mono;

/** Every accepted visit. */
public interface Visits {

  /**
   * Stores the visit and announces it, both or neither. When a visit with the same id exists,
   * stores nothing and returns that one, marked as a duplicate.
   */
  Mono<CheckInResult> record(Visit visit);

  /**
   * Stores and announces every visit whose id is new, in one transaction.
   *
   * @return the ids stored now; the others were recorded before (duplicates)
   */
  Mono<java.util.Set<String>> recordAll(java.util.List<Visit> visits);

  Mono<Visit> find(String id);
}
