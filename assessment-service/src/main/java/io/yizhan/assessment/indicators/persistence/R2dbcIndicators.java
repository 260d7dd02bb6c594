package io.yizhan.assessment.indicators.persistence;

import io.yizhan.assessment.indicators.CountedHour;
import io.yizhan.assessment.indicators.Indicators;
import io.yizhan.assessment.indicators.StationIndicators;
import io.yizhan.support.sql.ArrayLiteral;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * One statement: each hour's row takes the larger counts, remembering what it held, so the
   * difference is known in the statement that makes it (two deliveries at once cannot both add
   * it); the stations' totals take the differences. An hour whose figure is not larger is left
   * alone and adds nothing.
   */
  private static final String TAKE_HOURS = """
      WITH changed AS (
        INSERT INTO station_hour_visits AS h (station_id, hour, visits, new_employment_visits)
        SELECT * FROM unnest(CAST(:stations AS uuid[]), CAST(:hours AS timestamptz[]),
                             CAST(:visits AS bigint[]), CAST(:newEmployment AS bigint[]))
        ON CONFLICT (station_id, hour) DO UPDATE SET
          previous_visits = h.visits, previous_new_employment_visits = h.new_employment_visits,
          visits = EXCLUDED.visits, new_employment_visits = EXCLUDED.new_employment_visits
        WHERE h.visits < EXCLUDED.visits
        RETURNING station_id, hour, visits - previous_visits AS added,
                  new_employment_visits - previous_new_employment_visits AS added_new_employment),
      per_station AS (
        INSERT INTO station_indicators (station_id, visits_total, new_employment_visits, first_visit_hour, last_visit_hour)
        SELECT station_id, sum(added), sum(added_new_employment), min(hour), max(hour) FROM changed GROUP BY station_id
        ON CONFLICT (station_id) DO UPDATE SET
          visits_total = station_indicators.visits_total + EXCLUDED.visits_total,
          new_employment_visits = station_indicators.new_employment_visits + EXCLUDED.new_employment_visits,
          first_visit_hour = LEAST(station_indicators.first_visit_hour, EXCLUDED.first_visit_hour),
          last_visit_hour = GREATEST(station_indicators.last_visit_hour, EXCLUDED.last_visit_hour))
      SELECT count(*) AS changed FROM changed""";

  private record StationHour(UUID stationId, Instant hour) {}

  @Override
  public Mono<Integer> hoursCounted(List<CountedHour> hours) {
    // One row per station-hour (a statement may not change a row twice): the largest, the latest.
    Map<StationHour, CountedHour> latest = new HashMap<>();
    for (CountedHour hour : hours) {
      if (hour.visits() > 0) {
        latest.merge(new StationHour(hour.stationId(), hour.hour()), hour, (a, b) -> b.visits() >= a.visits() ? b : a);
      }
    }
    if (latest.isEmpty()) {
      return Mono.just(0);
    }
    // In station and hour order: two transactions lock the rows they share in one order.
    List<CountedHour> rows = latest.values().stream()
        .sorted(Comparator.comparing(CountedHour::stationId).thenComparing(CountedHour::hour)).toList();
    return db.sql(TAKE_HOURS)
        .bind("stations", ArrayLiteral.of(rows, h -> h.stationId().toString()))
        .bind("hours", ArrayLiteral.of(rows, h -> h.hour().toString()))
        .bind("visits", ArrayLiteral.of(rows, h -> Long.toString(h.visits())))
        .bind("newEmployment", ArrayLiteral.of(rows, h -> Long.toString(h.newEmploymentVisits())))
        .map(row -> row.get("changed", Long.class).intValue())
        .one();
  }

  @Override
  public Mono<StationIndicators> of(UUID stationId) {
    return db.sql("""
            SELECT station_id, name, kind, district, listed_at, visits_total, new_employment_visits,
                   first_visit_hour, last_visit_hour
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
            instant(row.get("first_visit_hour", OffsetDateTime.class)),
            instant(row.get("last_visit_hour", OffsetDateTime.class))))
        .one();
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
