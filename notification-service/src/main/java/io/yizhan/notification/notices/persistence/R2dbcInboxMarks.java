package io.yizhan.notification.notices.persistence;

import io.yizhan.notification.notices.InboxMarks;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcInboxMarks implements InboxMarks {

  private final DatabaseClient db;
  private final Clock clock;

  R2dbcInboxMarks(DatabaseClient db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Mono<Instant> seenUpTo(String reader) {
    return db.sql("SELECT seen_up_to FROM inbox_marks WHERE reader = :reader")
        .bind("reader", reader)
        .map(row -> row.get("seen_up_to", OffsetDateTime.class).toInstant())
        .one();
  }

  @Override
  public Mono<Instant> markSeen(String reader, Instant upTo) {
    return db.sql("""
            INSERT INTO inbox_marks (reader, seen_up_to, updated_at) VALUES (:reader, :upTo, :now)
            ON CONFLICT (reader) DO UPDATE
               SET seen_up_to = GREATEST(inbox_marks.seen_up_to, EXCLUDED.seen_up_to), updated_at = EXCLUDED.updated_at
            RETURNING seen_up_to""")
        .bind("reader", reader)
        .bind("upTo", upTo.atOffset(ZoneOffset.UTC))
        .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
        .map(row -> row.get("seen_up_to", OffsetDateTime.class).toInstant())
        .one();
  }
}
