package io.yizhan.station.standings.persistence;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.station.StandingFlagged;
import io.yizhan.contracts.station.StandingFlagged.Flag;
import io.yizhan.contracts.utilization.StandingChanged.Level;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.messaging.StationEvents;
import io.yizhan.station.standings.Standing;
import io.yizhan.station.standings.Standings;
import io.yizhan.support.outbox.Outbox;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcStandings implements Standings {

  private final DatabaseClient db;
  private final Outbox outbox;

  R2dbcStandings(DatabaseClient db, Outbox outbox) {
    this.db = db;
    this.outbox = outbox;
  }

  @Override
  public Mono<Known> known(StationId station) {
    // FOR UPDATE: two deliveries about one station (a rebalance mid-poll) wait for each other
    // instead of both seeing the flag untold.
    Mono<Optional<Standing>> standing = db.sql("""
            SELECT level, closed_when_needed, from_day, to_day, judged_at FROM station_standings
             WHERE station_id = :station FOR UPDATE""")
        .bind("station", station.value())
        .map(row -> new Standing(station, Level.valueOf(row.get("level", String.class)),
            Boolean.TRUE.equals(row.get("closed_when_needed", Boolean.class)), row.get("from_day", LocalDate.class),
            row.get("to_day", LocalDate.class), row.get("judged_at", OffsetDateTime.class).toInstant()))
        .one()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
    Mono<Map<Flag, Instant>> lastTold = db.sql("SELECT flag, told_at FROM standing_flags_told WHERE station_id = :station")
        .bind("station", station.value())
        .map(row -> Map.entry(Flag.valueOf(row.get("flag", String.class)),
            row.get("told_at", OffsetDateTime.class).toInstant()))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(Flag.class));
    return standing.zipWith(lastTold, (s, told) -> new Known(s.orElse(null), told));
  }

  @Override
  public Mono<Void> keep(Standing standing) {
    return db.sql("""
            INSERT INTO station_standings (station_id, level, closed_when_needed, from_day, to_day, judged_at)
            VALUES (:station, :level, :closed, :from, :to, :judgedAt)
            ON CONFLICT (station_id) DO UPDATE SET level = EXCLUDED.level,
                closed_when_needed = EXCLUDED.closed_when_needed, from_day = EXCLUDED.from_day,
                to_day = EXCLUDED.to_day, judged_at = EXCLUDED.judged_at""")
        .bind("station", standing.stationId().value())
        .bind("level", standing.level().name())
        .bind("closed", standing.closedWhenNeeded())
        .bind("from", standing.from())
        .bind("to", standing.to())
        .bind("judgedAt", utc(standing.judgedAt()))
        .then();
  }

  @Override
  public Flux<StationId> overloaded() {
    return db.sql("SELECT station_id FROM station_standings WHERE level = :level")
        .bind("level", Level.OVERLOADED.name())
        .map(row -> new StationId(row.get("station_id", UUID.class)))
        .all();
  }

  @Override
  public Mono<Void> tell(StandingFlagged flagged, Instant at) {
    EventEnvelope<StandingFlagged> event =
        EventEnvelope.of(StandingFlagged.TYPE, StationEvents.SOURCE, flagged.stationId(), at, flagged);
    return db.sql("""
            INSERT INTO standing_flags_told (station_id, flag, told_at) VALUES (:station, :flag, :at)
            ON CONFLICT (station_id, flag) DO UPDATE SET told_at = EXCLUDED.told_at""")
        .bind("station", UUID.fromString(flagged.stationId()))
        .bind("flag", flagged.flag().name())
        .bind("at", utc(at))
        .then()
        .then(outbox.append(StandingFlagged.TYPE, event));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
