package io.yizhan.visit.utilization.persistence;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.utilization.StandingChanged;
import io.yizhan.support.outbox.Outbox;
import io.yizhan.support.sql.ArrayLiteral;
import io.yizhan.visit.utilization.BusyIdle;
import io.yizhan.visit.utilization.Period;
import io.yizhan.visit.utilization.StandingChanges;
import io.yizhan.visit.utilization.StandingChanges.Change;
import io.yizhan.visit.utilization.StandingChanges.Published;
import io.yizhan.visit.utilization.StandingsLog;
import io.yizhan.visit.utilization.UtilizationReports.Standing;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Repository
class R2dbcStandingsLog implements StandingsLog {

  private final DatabaseClient db;
  private final Outbox outbox;
  private final TransactionalOperator transactional;
  private final Clock clock;

  R2dbcStandingsLog(DatabaseClient db, Outbox outbox, TransactionalOperator transactional, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.transactional = transactional;
    this.clock = clock;
  }

  @Override
  public Mono<Integer> publishChanged(List<Standing> standings, Period period, int max) {
    // The lock holds until the transaction ends: two instances never compare against the same
    // published rows and publish the same change twice. Nothing is published while utilization
    // is partial: emptied for a rebuild that has not finished since (the standings may have been
    // judged on the partial counts, or while they were being emptied).
    Mono<Integer> round = db.sql("SELECT pg_try_advisory_xact_lock(hashtext('yizhan.utilization.standings')) AND NOT EXISTS ("
            + "SELECT 1 FROM utilization_cleared c WHERE NOT EXISTS (SELECT 1 FROM utilization_rebuilds r "
            + "WHERE r.state = 'DONE' AND r.finished_at >= c.cleared_at))")
        .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
        .one()
        .flatMap(publishing -> publishing ? published().flatMap(before -> {
              List<Change> changes = StandingChanges.since(before, standings);
              return publish(changes.subList(0, Math.min(max, changes.size())), period);
            })
            : Mono.just(0));
    return transactional.transactional(round);
  }

  private Mono<Map<UUID, Published>> published() {
    return db.sql("SELECT station_id, level, closed_when_needed FROM utilization_standings_published")
        .map(row -> Map.entry(row.get("station_id", UUID.class), new Published(
            BusyIdle.Level.valueOf(row.get("level", String.class)),
            Boolean.TRUE.equals(row.get("closed_when_needed", Boolean.class)))))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue);
  }

  private Mono<Integer> publish(List<Change> changes, Period period) {
    if (changes.isEmpty()) {
      return Mono.just(0);
    }
    Instant now = clock.instant();
    List<EventEnvelope<StandingChanged>> events = changes.stream().map(c -> event(c, period, now)).toList();
    // One statement for the round, however many stations: the first round publishes every one.
    Mono<Long> remembered = db.sql("""
            INSERT INTO utilization_standings_published (station_id, level, closed_when_needed, judged_to, published_at)
            SELECT station, level, closed, :to, :now
            FROM unnest(CAST(:stations AS uuid[]), CAST(:levels AS text[]), CAST(:closed AS boolean[])) AS c(station, level, closed)
            ON CONFLICT (station_id) DO UPDATE SET level = EXCLUDED.level,
              closed_when_needed = EXCLUDED.closed_when_needed, judged_to = EXCLUDED.judged_to,
              published_at = EXCLUDED.published_at""")
        .bind("stations", ArrayLiteral.of(changes, c -> c.standing().ranked().load().stationId().toString()))
        .bind("levels", ArrayLiteral.of(changes, c -> c.standing().ranked().level().name()))
        .bind("closed", ArrayLiteral.of(changes, c -> Boolean.toString(c.standing().closedWhenNeeded())))
        .bind("to", period.to())
        .bind("now", now.atOffset(ZoneOffset.UTC))
        .fetch().rowsUpdated();
    return remembered.then(outbox.appendAll(StandingChanged.TYPE, events)).thenReturn(events.size());
  }

  private static EventEnvelope<StandingChanged> event(Change change, Period period, Instant now) {
    Standing s = change.standing();
    BusyIdle.Ranked r = s.ranked();
    String station = r.load().stationId().toString();
    return EventEnvelope.of(StandingChanged.TYPE, "visit-service", station, now, new StandingChanged(
        station, r.load().name(), r.load().district(), level(r.level()),
        change.previous() == null ? null : level(change.previous()), s.closedWhenNeeded(), period.from(), period.to(),
        r.load().visits(), r.load().visitsPerSeatPerDay(), r.vsDistrictMedian(), r.peakOccupancy(),
        s.tally().outsideHoursShare(), r.reasons(), r.action()));
  }

  private static StandingChanged.Level level(BusyIdle.Level level) {
    return StandingChanged.Level.valueOf(level.name());
  }
}
