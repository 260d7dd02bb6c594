package io.yizhan.assessment.indicators.persistence;

import io.yizhan.assessment.indicators.Indicators;
import io.yizhan.assessment.indicators.ObservedVisit;
import io.yizhan.support.inbox.Inbox;
import io.yizhan.assessment.indicators.StationIndicators;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Repository
class R2dbcIndicators implements Indicators {

  private final DatabaseClient db;
  private final Inbox inbox;
  private final TransactionalOperator transactional;

  R2dbcIndicators(DatabaseClient db, Inbox inbox, TransactionalOperator transactional) {
    this.db = db;
    this.inbox = inbox;
    this.transactional = transactional;
  }

  @Override
  public Mono<Void> stationListed(UUID stationId, String name, String kind, String district, Instant listedAt) {
    return db.sql("""
            INSERT INTO station_indicators (station_id, name, kind, district, listed_at)
            VALUES (:id, :name, :kind, :district, :listedAt)
            ON CONFLICT (station_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
              district = EXCLUDED.district, listed_at = EXCLUDED.listed_at""")
        .bind("id", stationId)
        .bind("name", name)
        .bind("kind", kind)
        .bind("district", district)
        .bind("listedAt", listedAt.atOffset(ZoneOffset.UTC))
        .then();
  }

  @Override
  public Mono<Long> visitsObserved(List<ObservedVisit> visits) {
    Mono<Long> work = inbox.firstSeen(VISITS_CONSUMER, visits.stream().map(ObservedVisit::eventId).toList())
        .flatMap(fresh -> {
          Map<UUID, long[]> counts = new LinkedHashMap<>();       // visits, new employment
          Map<UUID, Instant[]> spans = new HashMap<>();            // first, last
          for (ObservedVisit v : visits) {
            if (fresh.remove(v.eventId())) {
              long[] c = counts.computeIfAbsent(v.stationId(), k -> new long[2]);
              c[0]++;
              c[1] += v.newEmploymentForm() ? 1 : 0;
              spans.merge(v.stationId(), new Instant[] {v.visitedAt(), v.visitedAt()}, (a, b) -> new Instant[] {
                  a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            }
          }
          if (counts.isEmpty()) {
            return Mono.just(0L);
          }
          int n = counts.size();
          UUID[] ids = counts.keySet().toArray(UUID[]::new);
          Long[] totals = new Long[n];
          Long[] newEmployment = new Long[n];
          OffsetDateTime[] firsts = new OffsetDateTime[n];
          OffsetDateTime[] lasts = new OffsetDateTime[n];
          long added = 0;
          for (int i = 0; i < n; i++) {
            totals[i] = counts.get(ids[i])[0];
            newEmployment[i] = counts.get(ids[i])[1];
            firsts[i] = spans.get(ids[i])[0].atOffset(ZoneOffset.UTC);
            lasts[i] = spans.get(ids[i])[1].atOffset(ZoneOffset.UTC);
            added += totals[i];
          }
          long addedNow = added;
          return db.sql("""
                  INSERT INTO station_indicators (station_id, visits_total, new_employment_visits, first_visit_at, last_visit_at)
                  SELECT * FROM unnest(CAST(:ids AS uuid[]), CAST(:totals AS bigint[]), CAST(:newEmployment AS bigint[]),
                                       CAST(:firsts AS timestamptz[]), CAST(:lasts AS timestamptz[]))
                  ON CONFLICT (station_id) DO UPDATE SET
                    visits_total = station_indicators.visits_total + EXCLUDED.visits_total,
                    new_employment_visits = station_indicators.new_employment_visits + EXCLUDED.new_employment_visits,
                    first_visit_at = LEAST(station_indicators.first_visit_at, EXCLUDED.first_visit_at),
                    last_visit_at = GREATEST(station_indicators.last_visit_at, EXCLUDED.last_visit_at)""")
              .bind("ids", ids)
              .bind("totals", totals)
              .bind("newEmployment", newEmployment)
              .bind("firsts", firsts)
              .bind("lasts", lasts)
              .then()
              .thenReturn(addedNow);
        });
    return transactional.transactional(work);
  }

  @Override
  public Mono<StationIndicators> of(UUID stationId) {
    return db.sql("""
            SELECT station_id, name, kind, district, listed_at, visits_total, new_employment_visits,
                   first_visit_at, last_visit_at
            FROM station_indicators WHERE station_id = :id""")
        .bind("id", stationId)
        .map(row -> new StationIndicators(
            row.get("station_id", UUID.class),
            row.get("name", String.class),
            row.get("kind", String.class),
            row.get("district", String.class),
            instant(row.get("listed_at", OffsetDateTime.class)),
            row.get("visits_total", Long.class),
            row.get("new_employment_visits", Long.class),
            instant(row.get("first_visit_at", OffsetDateTime.class)),
            instant(row.get("last_visit_at", OffsetDateTime.class))))
        .one();
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
