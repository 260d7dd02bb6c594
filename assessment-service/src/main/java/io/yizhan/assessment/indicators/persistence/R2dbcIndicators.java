package io.yizhan.assessment.indicators.persistence;

import io.yizhan.assessment.indicators.Indicators;
import io.yizhan.assessment.indicators.StationIndicators;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcIndicators implements Indicators {

  private final DatabaseClient db;

  R2dbcIndicators(DatabaseClient db) {
    this.db = db;
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
  public Mono<Void> visitObserved(UUID stationId, Instant visitedAt, boolean newEmploymentForm) {
    return db.sql("""
            INSERT INTO station_indicators (station_id, visits_total, new_employment_visits, first_visit_at, last_visit_at)
            VALUES (:id, 1, :newEmployment, :at, :at)
            ON CONFLICT (station_id) DO UPDATE SET
              visits_total = station_indicators.visits_total + 1,
              new_employment_visits = station_indicators.new_employment_visits + EXCLUDED.new_employment_visits,
              first_visit_at = LEAST(station_indicators.first_visit_at, EXCLUDED.first_visit_at),
              last_visit_at = GREATEST(station_indicators.last_visit_at, EXCLUDED.last_visit_at)""")
        .bind("id", stationId)
        .bind("newEmployment", newEmploymentForm ? 1L : 0L)
        .bind("at", visitedAt.atOffset(ZoneOffset.UTC))
        .then();
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
