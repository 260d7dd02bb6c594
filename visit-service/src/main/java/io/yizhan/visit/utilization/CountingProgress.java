package io.yizhan.visit.utilization;

import reactor.core.publisher.Mono;

/** Tells how far counting is behind the accepted visits. */
public interface CountingProgress {

  /**
   * Measured at most every couple of seconds, however many ask: a dashboard open in every district
   * office must not become load on the broker. Fails with an unavailable problem when the broker does
   * not answer.
   */
  Mono<CountingBacklog> backlog();
}
