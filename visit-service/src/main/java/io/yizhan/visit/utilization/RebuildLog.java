package io.yizhan.visit.utilization;

import reactor.core.publisher.Mono;

/** Where rebuilds are kept, so one that a restart interrupted carries on where it was. */
public interface RebuildLog {

  Mono<Void> save(Rebuild rebuild);

  Mono<Rebuild> latest();

  /** Who asked for a rebuild not yet begun (a migration that changed how counts are kept), if anyone. */
  Mono<String> requested();

  /** The rebuild {@code requestedBy} asked for has begun. */
  Mono<Void> begun(String requestedBy);
}
