package io.yizhan.visit.stations.persistence;

import io.r2dbc.postgresql.codec.Json;
import io.yizhan.hours.StoredHours;
import io.yizhan.hours.OpeningHours;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The replica in PostgreSQL, with copies in memory for check-ins ({@link StationsInMemory}) that
 * are kept current by asking every {@code yizhan.visits.station-changes-every} which stations
 * changed.
 */
@Repository
class R2dbcKnownStations implements KnownStations, SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(R2dbcKnownStations.class);
  /** Past this many, {@link StationsInMemory} starts again: far more than a city's stations. */
  private static final int MAX_IN_MEMORY = 20_000;
  /**
   * Each ask for changes looks this far behind the previous one's start. A row's changed_at is
   * taken when its statement runs, before it commits: a replica update that commits later than
   * this after writing would be missed (they commit within milliseconds).
   */
  private static final Duration COMMIT_MARGIN = Duration.ofSeconds(10);

  private static final String COLUMNS = "id, name, kind, district, capacity, registered_at, status, hours";
  /** Every station, or those changed since :since, and when the database began answering. */
  private static final String ASK = "SELECT statement_timestamp() AS asked_at, "
      + "k.id, k.name, k.kind, k.district, k.capacity, k.registered_at, k.status, k.hours, k.changed_at "
      + "FROM (VALUES (1)) AS asking LEFT JOIN known_stations k ON ";
  private static final String ASK_ALL = ASK + "true";
  private static final String ASK_CHANGED = ASK + "k.changed_at > :since";

  private final DatabaseClient db;
  private final StationsInMemory inMemory;
  private final Duration askEvery;
  private volatile @Nullable Instant lastAskedAt;
  private volatile @Nullable Disposable asking;

  R2dbcKnownStations(DatabaseClient db,
      @Value("${yizhan.visits.station-max-age:5s}") Duration stationMaxAge,
      @Value("${yizhan.visits.station-changes-every:1s}") Duration askEvery) {
    this.db = db;
    this.inMemory = new StationsInMemory(stationMaxAge, MAX_IN_MEMORY, System::nanoTime);
    this.askEvery = askEvery;
  }

  @Override
  public Mono<Void> save(KnownStation s) {
    var insert = db.sql("""
            INSERT INTO known_stations (id, name, kind, district, capacity, registered_at, status, hours, changed_at)
            VALUES (:id, :name, :kind, :district, :capacity, :registeredAt, :status, :hours, clock_timestamp())
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
              district = EXCLUDED.district, capacity = EXCLUDED.capacity, status = EXCLUDED.status,
              hours = EXCLUDED.hours, changed_at = EXCLUDED.changed_at""")
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
        .doOnSuccess(saved -> inMemory.forget(s.id()));
  }

  @Override
  public Mono<KnownStation> findRecent(UUID id) {
    return Mono.defer(() -> {
      KnownStation station = inMemory.get(id);
      if (station != null) {
        return Mono.just(station);
      }
      return db.sql("SELECT " + COLUMNS + ", changed_at FROM known_stations WHERE id = :id")
          .bind("id", id)
          .map(row -> {
            KnownStation read = station(row);
            inMemory.offer(read, row.get("changed_at", OffsetDateTime.class).toInstant());
            return read;
          })
          .one();
    });
  }

  @Override
  public Mono<KnownStation> find(UUID id) {
    return db.sql("SELECT " + COLUMNS + " FROM known_stations WHERE id = :id")
        .bind("id", id)
        .map(R2dbcKnownStations::station)
        .one();
  }

  /**
   * Offers every station changed since shortly before the previous ask began (all of them the
   * first time) to the copies in memory. The database's own clock dates both the changes and the
   * ask, so the two machines' clocks need not agree.
   */
  private Mono<Void> askWhatChanged() {
    return Mono.defer(() -> {
      long startedAt = System.nanoTime();
      Instant since = lastAskedAt == null ? null : lastAskedAt.minus(COMMIT_MARGIN);
      var query = since == null
          ? db.sql(ASK_ALL)
          : db.sql(ASK_CHANGED).bind("since", since.atOffset(ZoneOffset.UTC));
      return query
          .map(row -> {
            if (row.get("id", UUID.class) != null) {
              inMemory.offer(station(row), row.get("changed_at", OffsetDateTime.class).toInstant());
            }
            return row.get("asked_at", OffsetDateTime.class).toInstant();
          })
          .all()
          .last()
          .doOnNext(askedAt -> {
            lastAskedAt = askedAt;
            inMemory.asked(startedAt);
          })
          .then();
    });
  }

  @Override
  public void start() {
    asking = Flux.interval(Duration.ZERO, askEvery)
        .onBackpressureDrop()
        .concatMap(tick -> askWhatChanged().onErrorResume(e -> {
          // The copies go stale after station-max-age and check-ins read the database meanwhile.
          log.warn("Asking which stations changed failed, trying again in {}: {}", askEvery, e.toString());
          return Mono.empty();
        }), 1)
        .subscribe();
  }

  @Override
  public void stop() {
    Disposable running = asking;
    if (running != null) {
      running.dispose();
      asking = null;
    }
  }

  @Override
  public boolean isRunning() {
    return asking != null;
  }

  @Override
  public Mono<Map<UUID, KnownStation>> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql("""
            SELECT %s FROM known_stations WHERE id = ANY(:ids)""".formatted(COLUMNS))
        .bind("ids", ids.toArray(UUID[]::new))
        .map(R2dbcKnownStations::station)
        .all()
        .collectMap(KnownStation::id);
  }

  @Override
  public Flux<KnownStation> listed(@Nullable String district) {
    String sql = "SELECT " + COLUMNS + " FROM known_stations";
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
