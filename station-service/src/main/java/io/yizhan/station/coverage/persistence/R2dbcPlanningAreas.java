package io.yizhan.station.coverage.persistence;

import io.r2dbc.postgresql.codec.Json;
import io.yizhan.contracts.EventJson;
import io.yizhan.station.coverage.DemandPoint;
import io.yizhan.station.coverage.PlanningArea;
import io.yizhan.station.coverage.PlanningAreas;
import io.yizhan.station.coverage.Venue;
import io.yizhan.station.registry.GeoPoint;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcPlanningAreas implements PlanningAreas {

  /** Rows per INSERT when replacing demand points or venues: a district may upload tens of thousands. */
  private static final int BATCH = 500;

  private final DatabaseClient db;
  private final TransactionalOperator transactional;
  private final Clock clock;

  R2dbcPlanningAreas(DatabaseClient db, TransactionalOperator transactional, Clock clock) {
    this.db = db;
    this.transactional = transactional;
    this.clock = clock;
  }

  @Override
  public Mono<Void> saveArea(PlanningArea area) {
    double[][] ring = area.ring().stream().map(p -> new double[] {p.longitude(), p.latitude()}).toArray(double[][]::new);
    return db.sql("""
            INSERT INTO planning_areas (district, ring, updated_at) VALUES (:district, :ring, :at)
            ON CONFLICT (district) DO UPDATE SET ring = EXCLUDED.ring, updated_at = EXCLUDED.updated_at""")
        .bind("district", area.district())
        .bind("ring", Json.of(EventJson.mapper().writeValueAsString(ring)))
        .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
        .then();
  }

  @Override
  public Flux<PlanningArea> areas() {
    return db.sql("SELECT district, ring FROM planning_areas ORDER BY district")
        .map(row -> {
          double[][] ring = EventJson.mapper().readValue(row.get("ring", Json.class).asString(), double[][].class);
          List<GeoPoint> points = java.util.Arrays.stream(ring).map(p -> new GeoPoint(p[1], p[0])).toList();
          return new PlanningArea(row.get("district", String.class), points);
        })
        .all();
  }

  @Override
  public Mono<Void> replaceDemand(String district, List<DemandPoint> points) {
    return replaceAll("demand_points", List.of("latitude", "longitude", "weight", "label"), district, points,
        p -> List.of(p.latitude(), p.longitude(), p.weight(), p.label()));
  }

  @Override
  public Mono<Void> replaceVenues(String district, List<Venue> venues) {
    return replaceAll("candidate_venues", List.of("latitude", "longitude", "name", "kind"), district, venues,
        v -> List.of(v.latitude(), v.longitude(), v.name(), v.kind().name()));
  }

  /** Deletes the district's rows of {@code table} and inserts these, in one transaction. */
  private <T> Mono<Void> replaceAll(String table, List<String> columns, String district, List<T> rows,
      Function<T, List<Object>> values) {
    Mono<Void> delete = db.sql("DELETE FROM " + table + " WHERE district = :district").bind("district", district).then();
    Flux<Void> inserts = Flux.fromIterable(rows).buffer(BATCH).concatMap(batch -> {
      StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (district, ")
          .append(String.join(", ", columns)).append(") VALUES ");
      // One map for all values: binding one at a time copies the bindings each time (quadratic).
      Map<String, Object> bound = new HashMap<>();
      bound.put("district", district);
      for (int i = 0; i < batch.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(:district");
        List<Object> row = values.apply(batch.get(i));
        for (int c = 0; c < columns.size(); c++) {
          sql.append(", :v").append(i).append('_').append(c);
          bound.put("v" + i + "_" + c, row.get(c));
        }
        sql.append(')');
      }
      return db.sql(sql.toString()).bindValues(bound).then();
    });
    return transactional.transactional(delete.thenMany(inserts).then());
  }

  @Override
  public Flux<DemandPoint> demand(@Nullable String district) {
    return ofDistrict("SELECT latitude, longitude, weight, label FROM demand_points", district, "")
        .map(row -> new DemandPoint(row.get("latitude", Double.class), row.get("longitude", Double.class),
            row.get("weight", Double.class), row.get("label", String.class)))
        .all();
  }

  @Override
  public Flux<Venue> venues(@Nullable String district) {
    return ofDistrict("SELECT latitude, longitude, name, kind FROM candidate_venues", district, " ORDER BY id")
        .map(row -> new Venue(row.get("latitude", Double.class), row.get("longitude", Double.class),
            row.get("name", String.class), Venue.Kind.valueOf(row.get("kind", String.class))))
        .all();
  }

  /** {@code select}'s rows of one district, or of all when {@code district} is null. */
  private DatabaseClient.GenericExecuteSpec ofDistrict(String select, @Nullable String district, String orderBy) {
    return district == null
        ? db.sql(select + orderBy)
        : db.sql(select + " WHERE district = :district" + orderBy).bind("district", district);
  }
}
