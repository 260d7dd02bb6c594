package io.yizhan.station.registry.persistence;

import io.r2dbc.spi.Readable;
import io.yizhan.contracts.station.Contact;
import io.yizhan.contracts.station.StationKind;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.station.registry.GeoPoint;
import io.yizhan.station.registry.Station;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import io.yizhan.station.registry.messaging.StationEvents;
import io.yizhan.support.outbox.Outbox;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcStations implements Stations {

  private static final String COLUMNS = """
      id, name, kind, district, address, latitude, longitude, capacity,
      manager_name, manager_phone, version, registered_at""";

  private final DatabaseClient db;
  private final Outbox outbox;
  private final TransactionalOperator transactional;

  R2dbcStations(DatabaseClient db, Outbox outbox, TransactionalOperator transactional) {
    this.db = db;
    this.outbox = outbox;
    this.transactional = transactional;
  }

  @Override
  public Mono<Station> register(Station s) {
    Mono<Void> insert = db.sql("INSERT INTO stations (" + COLUMNS + """
            ) VALUES (:id, :name, :kind, :district, :address, :latitude, :longitude, :capacity,
                      :managerName, :managerPhone, :version, :registeredAt)""")
        .bind("id", s.id().value())
        .bind("name", s.name())
        .bind("kind", s.kind().name())
        .bind("district", s.district())
        .bind("address", s.address())
        .bind("latitude", s.location().latitude())
        .bind("longitude", s.location().longitude())
        .bind("capacity", s.capacity())
        .bind("managerName", s.manager().name())
        .bind("managerPhone", s.manager().phone())
        .bind("version", s.version())
        .bind("registeredAt", s.registeredAt().atOffset(ZoneOffset.UTC))
        .then();
    return transactional.transactional(
        insert.then(outbox.append(StationRegistered.TYPE, StationEvents.registered(s))).thenReturn(s));
  }

  @Override
  public Mono<Station> find(StationId id) {
    return db.sql("SELECT " + COLUMNS + " FROM stations WHERE id = :id")
        .bind("id", id.value())
        .map(R2dbcStations::station)
        .one();
  }

  @Override
  public Flux<Station> inDistrict(String district, int limit) {
    return db.sql("SELECT " + COLUMNS + " FROM stations WHERE district = :district ORDER BY name LIMIT :limit")
        .bind("district", district)
        .bind("limit", limit)
        .map(R2dbcStations::station)
        .all();
  }

  @Override
  public Flux<Station> all(int limit) {
    return db.sql("SELECT " + COLUMNS + " FROM stations ORDER BY district, name LIMIT :limit")
        .bind("limit", limit)
        .map(R2dbcStations::station)
        .all();
  }

  private static Station station(Readable row) {
    return new Station(
        new StationId(row.get("id", UUID.class)),
        row.get("name", String.class),
        StationKind.valueOf(row.get("kind", String.class)),
        row.get("district", String.class),
        row.get("address", String.class),
        new GeoPoint(row.get("latitude", Double.class), row.get("longitude", Double.class)),
        row.get("capacity", Integer.class),
        new Contact(row.get("manager_name", String.class), row.get("manager_phone", String.class)),
        row.get("version", Long.class),
        row.get("registered_at", OffsetDateTime.class).toInstant());
  }
}
