package io.yizhan.visit.stations.persistence;

import io.r2dbc.postgresql.codec.Json;
import io.yizhan.hours.StoredHours;
import io.yizhan.hours.OpeningHours;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcKnownStations implements KnownStations {

  /** Past this many, {@link RecentStations} starts again: far more than a city's stations. */
  private static final int MAX_RECENT = 20_000;

  private final DatabaseClient db;
  private final RecentStations recent;

  R2dbcKnownStations(DatabaseClient db,
      @Value("${yizhan.visits.station-max-age:5s}") Duration stationMaxAge) {
    this.db = db;
    this.recent = new RecentStations(stationMaxAge, MAX_RECENT, System::nanoTime);
  }

  @Override
  public Mono<Void> save(KnownStation s) {
    var insert = db.sql("""
            INSERT INTO known_stations (id, name, kind, district, capacity, registered_at, status, hours)
            VALUES (:id, :name, :kind, :district, :capacity, :registeredAt, :status, :hours)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
              district = EXCLUDED.district, capacity = EXCLUDED.capacity, status = EXCLUDED.status,
              hours = EXCLUDED.hours""")
        .bind("id", s.id())
        .bind("name", s.name())
        .bind("kind", s.kind())
        .bind("district", s.district())
        .bind("capacity", s.capacity())
        .bind("registeredAt", s.registeredAt().atOffset(ZoneOffset.UTC))
        .bind("status", s.status());
    return (s.hours() == null ? insert.bindNull("hours", Json.class) : insert.bind("hours", json(s.hours())))
        .then()
        // Forgotten, not replaced: the save may be part of a transaction that rolls back.
        .doOnSuccess(saved -> recent.forget(s.id()));
  }

  @Override
  public Mono<KnownStation> findRecent(UUID id) {
    return Mono.defer(() -> {
      KnownStation station = recent.get(id);
      return station != null ? Mono.just(station) : find(id).doOnNext(recent::put);
    });
  }

  @Override
  public Mono<KnownStation> find(UUID id) {
    return db.sql("""
            SELECT id, name, kind, district, capacity, registered_at, status, hours
              FROM known_stations WHERE id = :id""")
        .bind("id", id)
        .map(R2dbcKnownStations::station)
        .one();
  }

  @Override
  public Mono<Map<UUID, KnownStation>> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql("""
            SELECT id, name, kind, district, capacity, registered_at, status, hours
              FROM known_stations WHERE id = ANY(:ids)""")
        .bind("ids", ids.toArray(UUID[]::new))
        .map(R2dbcKnownStations::station)
        .all()
        .collectMap(KnownStation::id);
  }

  @Override
  public Flux<KnownStation> listed(@Nullable String district) {
    String sql = "SELECT id, name, kind, district, capacity, registered_at, status, hours FROM known_stations";
    return (district == null
            ? db.sql(sql)
            : db.sql(sql + " WHERE district = :district").bind("district", district))
        .map(R2dbcKnownStations::station)
        .all();
  }

  private static KnownStation station(io.r2dbc.spi.Readable row) {
    return new KnownStation(
        row.get("id", UUID.class),
        row.get("name", String.class),
        row.get("kind", String.class),
        row.get("district", String.class),
        row.get("capacity", Integer.class),
        row.get("registered_at", OffsetDateTime.class).toInstant(),
        row.get("status", String.class),
        hours(row.get("hours", Json.class)));
  }

  private static Json json(OpeningHours hours) {
    return Json.of(StoredHours.write(hours));
  }

  private static @Nullable OpeningHours hours(@Nullable Json stored) {
    // Read on every check-in: StoredHours parses each distinct schedule once.
    return stored == null ? null : StoredHours.read(stored.asString());
  }
}
