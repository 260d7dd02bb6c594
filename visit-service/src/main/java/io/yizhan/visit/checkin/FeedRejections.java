package io.yizhan.visit.checkin;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The district feed's rejections, by district. */
public interface FeedRejections {

  /** Keeps a rejection; the same event rejected again (a redelivery) is kept once. */
  Mono<Void> record(FeedRejection rejection);

  /**
   * The latest rejections since {@code from}, newest first.
   *
   * @param district one district's; null for every district's, the unknown stations' included
   */
  Flux<FeedRejection> since(@Nullable String district, Instant from, int limit);
}
