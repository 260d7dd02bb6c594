package io.yizhan.visit.utilization.persistence;

import io.yizhan.visit.utilization.DailyVisits;
import io.yizhan.visit.utilization.VisitCounts;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcVisitCounts implements VisitCounts {

  private final DatabaseClient db;

  R2dbcVisitCounts(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> addOne(UUID stationId, LocalDate day) {
    return db.sql("""
            INSERT INTO station_daily_visits (station_id, day, visits) VALUES (:stationId, :day, 1)
            ON CONFLICT (station_id, day) DO UPDATE SET visits = station_daily_visits.visits + 1""")
        .bind("stationId", stationId)
        .bind("day", day)
        .then();
  }

  @Override
  public Flux<DailyVisits> between(UUID stationId, LocalDate from, LocalDate to) {
    return db.sql("""
            SELECT d::date AS day, COALESCE(v.visits, 0) AS visits
            FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') AS d
            LEFT JOIN station_daily_visits v ON v.station_id = :stationId AND v.day = d::date
            ORDER BY d""")
        .bind("stationId", stationId)
        .bind("from", from)
        .bind("to", to)
        .map(row -> new DailyVisits(stationId, row.get("day", LocalDate.class), row.get("visits", Long.class)))
        .all();
  }
}
