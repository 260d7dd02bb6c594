package io.yizhan.visit.stations.persistence;

import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcKnownStations implements KnownStations {

  private final DatabaseClient db;

  R2dbcKnownStations(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> save(KnownStation s) {
    return db.sql("""
            INSERT INTO known_stations (id, name, kind, district, capacity, registered_at)
            VALUES (:id, :name, :kind, :district, :capacity, :registeredAt)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
              district = EXCLUDED.district, capacity = EXCLUDED.capacity""")
        .bind("id", s.id())
        .bind("name", s.name())
        .bind("kind", s.kind())
        .bind("district", s.district())
        .bind("capacity", s.capacity())
        .bind("registeredAt", s.registeredAt().atOffset(ZoneOffset.UTC))
        .then();
  }

  @Override
  public Mono<KnownStation> find(UUID id) {
    return db.sql("SELECT id, name, kind, district, capacity, registered_at FROM known_stations WHERE id = :id")
        .bind("id", id)
        .map(row -> new KnownStation(
            row.get("id", UUID.class),
            row.get("name", String.class),
            row.get("kind", String.class),
            row.get("district", String.class),
            row.get("capacity", Integer.class),
            row.get("registered_at", OffsetDateTime.class).toInstant()))
        .one();
  }
}
