package io.yizhan.notification.notices.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import io.yizhan.notification.notices.Notice;
import io.yizhan.notification.notices.NoticeScope;
import io.yizhan.notification.notices.Notices;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcNotices implements Notices {

  private static final String COLUMNS = """
      id, station_id, district, cause_event_id, kind, recipient_role, recipient_name,
      channel, subject, body, status, created_at""";
  /** Before any position: the first page. */
  private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");
  private static final UUID MAX_ID = new UUID(-1L, -1L);
  /** The notices a reader's scope covers: the city all, a district's union its district's, a manager their stations'. */
  private static final String IN_SCOPE = "(:everything OR district = :district OR station_id = ANY(:stations))";

  private final DatabaseClient db;
  /** Notices written, by kind: a flood means thresholds to look at, or load sent at real stations. */
  private final Map<Notice.NoticeKind, Counter> written = new EnumMap<>(Notice.NoticeKind.class);

  R2dbcNotices(DatabaseClient db, MeterRegistry meters) {
    this.db = db;
    for (Notice.NoticeKind kind : Notice.NoticeKind.values()) {
      written.put(kind, Counter.builder("yizhan.notices.written").tag("kind", kind.name())
          .description("notices written to people, once each (a redelivered cause is not counted)").register(meters));
    }
  }

  @Override
  public Mono<Void> add(Notice n) {
    DatabaseClient.GenericExecuteSpec insert = db.sql("""
            INSERT INTO notices (id, station_id, district, cause_event_id, kind, recipient_role, recipient_name,
                                 channel, subject, body, status, created_at)
            VALUES (:id, :stationId, :district, :cause, :kind, :role, :name, :channel, :subject, :body, :status, :createdAt)
            ON CONFLICT (cause_event_id, recipient_role) DO NOTHING""")
        .bind("id", n.id())
        .bind("stationId", n.stationId())
        .bind("cause", n.causeEventId())
        .bind("kind", n.kind().name())
        .bind("role", n.recipientRole().name())
        .bind("name", n.recipientName())
        .bind("channel", n.channel().name())
        .bind("subject", n.subject())
        .bind("body", n.body())
        .bind("status", n.status().name())
        .bind("createdAt", n.createdAt().atOffset(ZoneOffset.UTC));
    return (n.district() != null ? insert.bind("district", n.district()) : insert.bindNull("district", String.class))
        .fetch().rowsUpdated()
        .doOnNext(rows -> {
          if (rows > 0) {
            written.get(n.kind()).increment();
          }
        })
        .then();
  }

  @Override
  public Flux<Notice> forStation(UUID stationId, int limit) {
    return db.sql("SELECT " + COLUMNS + " FROM notices WHERE station_id = :stationId ORDER BY created_at DESC LIMIT :limit")
        .bind("stationId", stationId)
        .bind("limit", limit)
        .map(R2dbcNotices::notice)
        .all();
  }

  @Override
  public Flux<Notice> inScope(NoticeScope scope, @Nullable Position after, int limit) {
    // Newest first by (created_at, id): the row comparison pages through notices written the same
    // instant without skipping or repeating any. A reader's notices are few (a district's: some a
    // week); the indexes by station, district and time serve the three kinds of reader.
    return scoped("SELECT " + COLUMNS + " FROM notices WHERE " + IN_SCOPE + """
               AND (created_at, id) < (:afterTime, :afterId)
             ORDER BY created_at DESC, id DESC LIMIT :limit""", scope)
        .bind("afterTime", (after == null ? FAR_FUTURE : after.createdAt()).atOffset(ZoneOffset.UTC))
        .bind("afterId", after == null ? MAX_ID : after.id())
        .bind("limit", limit)
        .map(R2dbcNotices::notice)
        .all();
  }

  @Override
  public Mono<Integer> countInScope(NoticeScope scope, @Nullable Instant after, int cap) {
    // Capped: a header says "99+ 条新"; it need not count the city's year of notices to say so.
    return scoped("SELECT count(*) AS n FROM (SELECT 1 FROM notices WHERE " + IN_SCOPE
            + " AND created_at > :after LIMIT :cap) newer", scope)
        .bind("after", (after == null ? Instant.EPOCH : after).atOffset(ZoneOffset.UTC))
        .bind("cap", cap)
        .map(row -> row.get("n", Long.class).intValue())
        .one();
  }

  /** A statement over the notices of {@link #IN_SCOPE}, with the scope bound. */
  private DatabaseClient.GenericExecuteSpec scoped(String sql, NoticeScope scope) {
    DatabaseClient.GenericExecuteSpec spec = db.sql(sql)
        .bind("everything", scope.everything())
        .bind("stations", scope.stations().toArray(UUID[]::new));
    return scope.district() != null ? spec.bind("district", scope.district()) : spec.bindNull("district", String.class);
  }

  private static Notice notice(Readable row) {
    return new Notice(
        row.get("id", UUID.class),
        row.get("station_id", UUID.class),
        row.get("district", String.class),
        row.get("cause_event_id", UUID.class),
        Notice.NoticeKind.valueOf(row.get("kind", String.class)),
        Notice.RecipientRole.valueOf(row.get("recipient_role", String.class)),
        row.get("recipient_name", String.class),
        Notice.Channel.valueOf(row.get("channel", String.class)),
        row.get("subject", String.class),
        row.get("body", String.class),
        Notice.Status.valueOf(row.get("status", String.class)),
        row.get("created_at", OffsetDateTime.class).toInstant());
  }
}
