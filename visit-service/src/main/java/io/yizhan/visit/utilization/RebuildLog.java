package io.yizhan.visit.utilization;

import reactor.core.publisher.Mono;

/** Where rebuilds are kept, so one that a restart interrupted carries on where it was. */
public interface RebuildLog {

  Mono<Void> save(Rebuild rebuild);

  Mono<Rebuild> latest();
}
