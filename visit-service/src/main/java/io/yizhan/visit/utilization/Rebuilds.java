package io.yizhan.visit.utilization;

import reactor.core.publisher.Mono;

/** Starts and follows recomputations of utilization from the visit topic. */
public interface Rebuilds {

  /**
   * Starts a rebuild: utilization is emptied and recounted from visit.events.v1's beginning by the
   * same code that counts live visits, so the result is the live one. Refused while one runs.
   */
  Mono<Rebuild> start(String requestedBy);

  /** The latest rebuild, running or finished; empty if there never was one. */
  Mono<Rebuild> latest();
}
