package io.yizhan.visit.checkin;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Putting back the visits a database restore lost, from visit.events.v1. */
public interface Restorations {

  /** Reads the log again from {@code since}; what the table has already is skipped. */
  Mono<Restoration> start(Instant since, String requestedBy);

  /** The latest asked since this instance started, with how far it is; empty if none. */
  Mono<Restoration> latest();
}
