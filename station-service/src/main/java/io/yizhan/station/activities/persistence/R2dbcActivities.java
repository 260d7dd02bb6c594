package io.yizhan.station.activities.persistence;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.maintenance.ActivityLogged;
import io.yizhan.station.activities.Activities;
import io.yizhan.station.activities.Activity;
import io.yizhan.station.activities.ActivityKind;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.messaging.StationEvents;
import io.yizhan.support.outbox.Outbox;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcActivities implements Activities {

  private final DatabaseClient db;
  private final Outbox outbox;
  private final TransactionalOperator transactional;

  R2dbcActivities(DatabaseClient db, Outbox outbox, TransactionalOperator transactional) {
    this.db = db;
    this.outbox = outbox;
    this.transactional = transactional;
  }

  @Override
  public Mono<Activity> log(Activity a) {
    GenericExecuteSpec insert = db.sql("""
            INSERT INTO station_activities (id, station_id, kind, title, held_on, participants, logged_by, note, logged_at)
            VALUES (:id, :station, :kind, :title, :heldOn, :participants, :by, :note, :loggedAt)""")
        .bind("id", a.id())
        .bind("station", a.stationId().value())
        .bind("kind", a.kind().name())
        .bind("title", a.title())
        .bind("heldOn", a.heldOn())
        .bind("by", a.by())
        .bind("loggedAt", a.loggedAt().atOffset(ZoneOffset.UTC));
    insert = a.participants() == null ? insert.bindNull("participants", Integer.class)
        : insert.bind("participants", a.participants());
    insert = a.note() == null ? insert.bindNull("note", String.class) : insert.bind("note", a.note());
    EventEnvelope<ActivityLogged> event = EventEnvelope.of(ActivityLogged.TYPE, StationEvents.SOURCE,
        a.stationId().toString(), a.loggedAt(),
        new ActivityLogged(a.id().toString(), a.stationId().toString(), a.kind().name(), a.title(), a.heldOn(),
            a.participants(), a.by()));
    return transactional.transactional(insert.then().then(outbox.append(ActivityLogged.TYPE, event)).thenReturn(a));
  }

  @Override
  public Flux<Activity> ofStation(StationId station, LocalDate from, LocalDate to, int limit) {
    return db.sql("""
            SELECT id, station_id, kind, title, held_on, participants, logged_by, note, logged_at
              FROM station_activities
             WHERE station_id = :station AND held_on BETWEEN :from AND :to
             ORDER BY held_on DESC, logged_at DESC LIMIT :limit""")
        .bind("station", station.value())
        .bind("from", from)
        .bind("to", to)
        .bind("limit", limit)
        .map(row -> new Activity(
            row.get("id", UUID.class),
            new StationId(row.get("station_id", UUID.class)),
            ActivityKind.valueOf(row.get("kind", String.class)),
            row.get("title", String.class),
            row.get("held_on", LocalDate.class),
            row.get("participants", Integer.class),
            row.get("logged_by", String.class),
            row.get("note", String.class),
            row.get("logged_at", OffsetDateTime.class).toInstant()))
        .all();
  }
}
