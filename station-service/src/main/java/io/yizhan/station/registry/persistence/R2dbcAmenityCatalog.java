package io.yizhan.station.registry.persistence;

import io.yizhan.station.registry.Amenity;
import io.yizhan.station.registry.AmenityCatalog;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcAmenityCatalog implements AmenityCatalog {

  private final DatabaseClient db;

  R2dbcAmenityCatalog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<List<Amenity>> all() {
    return db.sql("SELECT code, name_zh, base_for_care_station, base_for_service_point FROM amenity_catalog ORDER BY sort_order")
        .map(row -> new Amenity(
            row.get("code", String.class),
            row.get("name_zh", String.class),
            Boolean.TRUE.equals(row.get("base_for_care_station", Boolean.class)),
            Boolean.TRUE.equals(row.get("base_for_service_point", Boolean.class))))
        .all()
        .collectList();
  }
}
