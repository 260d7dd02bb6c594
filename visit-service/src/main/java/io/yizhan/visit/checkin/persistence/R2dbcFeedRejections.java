package io.yizhan.visit.checkin.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.support.inbox.InboxProperties;
import io.yizhan.support.retention.OldRows;
import io.yizhan.visit.checkin.FeedRejection;
import io.yizhan.visit.checkin.FeedRejections;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcFeedRejections implements FeedRejections {

  private final DatabaseClient db;

  /**
   * A rejection is kept by one statement outside any transaction: it is written as its record goes
   * to the DLQ (EventHandlers.beforeDeadLetter), after the inbox's transaction has rolled back.
   */
  R2dbcFeedRejections(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> record(FeedRejection r) {
    DatabaseClient.GenericExecuteSpec insert = db.sql("""
            INSERT INTO district_feed_rejections (event_id, rejected_at, district, station_id, visit_id, reason)
            VALUES (:eventId, :at, :district, :stationId, :visitId, :reason)
            ON CONFLICT (event_id) DO NOTHING""")
        .bind("eventId", r.eventId())
        .bind("at", r.rejectedAt().atOffset(ZoneOffset.UTC))
        .bind("reason", r.reason());
    insert = bindOrNull(insert, "district", r.district());
    insert = bindOrNull(insert, "stationId", r.stationId());
    insert = bindOrNull(insert, "visitId", r.visitId());
    return insert.then();
  }

  private static DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec, String name,
      @Nullable String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }

  @Override
  public Flux<FeedRejection> since(@Nullable String district, Instant from, int limit) {
    String where = district == null ? "" : "district = :district AND ";
    DatabaseClient.GenericExecuteSpec spec = db.sql("SELECT event_id, rejected_at, district, station_id, visit_id, reason"
            + " FROM district_feed_rejections WHERE " + where + "rejected_at >= :from ORDER BY rejected_at DESC LIMIT :limit")
        .bind("from", from.atOffset(ZoneOffset.UTC))
        .bind("limit", limit);
    if (district != null) {
      spec = spec.bind("district", district);
    }
    return spec.map(row -> new FeedRejection(row.get("event_id", UUID.class),
            row.get("rejected_at", OffsetDateTime.class).toInstant(), row.get("district", String.class),
            row.get("station_id", String.class), row.get("visit_id", String.class), row.get("reason", String.class)))
        .all();
  }

  /** Rejections are kept as long as the inboxes keep what they applied (90 days by default). */
  @Configuration(proxyBeanMethods = false)
  static class Pruning {

    @Bean
    OldRows feedRejectionsPruning(DatabaseClient db, InboxProperties properties, MeterRegistry meters) {
      return properties.pruning(db, meters, "district_feed_rejections", "rejected_at");
    }
  }
}
