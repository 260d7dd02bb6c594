package io.yizhan.notification.notices;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every notice written. */
public interface Notices {

  /** Stores a notice unless one exists for the same cause and recipient role. */
  Mono<Void> add(Notice notice);

  Flux<Notice> forStation(UUID stationId, int limit);

  /**
   * The notices in a reader's scope, newest first, after {@code after} (the last one of the page
   * before) when given.
   */
  Flux<Notice> inScope(NoticeScope scope, @Nullable Position after, int limit);

  /** How many notices in a reader's scope were written after {@code after} (all when null), counting up to {@code cap}. */
  Mono<Integer> countInScope(NoticeScope scope, @Nullable Instant after, int cap);

  /** Where a page of notices ended: notices written the same instant are told apart by id. */
  record Position(Instant createdAt, UUID id) {

    public static Position of(Notice notice) {
      return new Position(notice.createdAt(), notice.id());
    }
  }
}
