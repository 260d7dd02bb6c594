package io.yizhan.station.coverage.persistence;

import io.r2dbc.postgresql.codec.Json;
import io.yizhan.contracts.EventJson;
import io.yizhan.station.coverage.DemandPoint;
import io.yizhan.station.coverage.PlanningArea;
import io.yizhan.station.coverage.PlanningAreas;
import io.yizhan.station.registry.GeoPoint;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcPlanningAreas implements PlanningAreas {

  /** Rows per INSERT when replacing demand points: a district may upload tens of thousands. */
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
    Mono<Void> delete = db.sql("DELETE FROM demand_points WHERE district = :district").bind("district", district).then();
    Flux<Void> inserts = Flux.fromIterable(points).buffer(BATCH).concatMap(batch -> {
      StringBuilder sql = new StringBuilder("INSERT INTO demand_points (district, latitude, longitude, weight, label) VALUES ");
      for (int i = 0; i < batch.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(:district, :lat").append(i).append(", :lon").append(i)
            .append(", :w").append(i).append(", :l").append(i).append(')');
      }
      // One map for all values: binding one at a time copies the bindings each time (quadratic).
      Map<String, Object> values = new HashMap<>();
      values.put("district", district);
      for (int i = 0; i < batch.size(); i++) {
        DemandPoint p = batch.get(i);
        values.put("lat" + i, p.latitude());
        values.put("lon" + i, p.longitude());
        values.put("w" + i, p.weight());
        values.put("l" + i, p.label());
      }
      return db.sql(sql.toString()).bindValues(values).then();
    });
    return transactional.transactional(delete.thenMany(inserts).then());
  }

  @Override
  public Flux<DemandPoint> demand(@Nullable String district) {
    var spec = district == null
        ? db.sql("SELECT latitude, longitude, weight, label FROM demand_points")
        : db.sql("SELECT latitude, longitude, weight, label FROM demand_points WHERE district = :district")
            .bind("district", district);
    return spec.map(row -> new DemandPoint(row.get("latitude", Double.class), row.get("longitude", Double.class),
            row.get("weight", Double.class), row.get("label", String.class)))
        .all();
  }
}
