package io.yizhan.visit.checkin.persistence;

import io.r2dbc.spi.Readable;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.outbox.Outbox;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.Visits;
import io.yizhan.visit.checkin.messaging.VisitEvents;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Repository
class R2dbcVisits implements Visits {

  private final DatabaseClient db;
  private final Outbox outbox;
  private final TransactionalOperator transactional;
  private final Clock clock;

  R2dbcVisits(DatabaseClient db, Outbox outbox, TransactionalOperator transactional, Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.transactional = transactional;
    this.clock = clock;
  }

  @Override
  public Mono<CheckInResult> record(Visit v) {
    // ON CONFLICT makes the id the idempotency key: a retry inserts nothing and publishes nothing.
    DatabaseClient.GenericExecuteSpec insert = db.sql("""
            INSERT INTO visits (id, station_id, visited_at, worker_type, services, channel, worker_token, station_open)
            VALUES (:id, :stationId, :visitedAt, :workerType, :services, :channel, :workerToken, :stationOpen)
            ON CONFLICT (id) DO NOTHING""")
        .bind("id", v.id())
        .bind("stationId", v.stationId())
        .bind("visitedAt", v.visitedAt().atOffset(ZoneOffset.UTC))
        .bind("workerType", v.workerType().name())
        .bind("services", v.services().stream().map(Enum::name).toArray(String[]::new))
        .bind("channel", v.channel().name());
    insert = v.stationOpen() == null
        ? insert.bindNull("stationOpen", Boolean.class)
        : insert.bind("stationOpen", v.stationOpen());
    insert = v.workerToken() == null
        ? insert.bindNull("workerToken", String.class)
        : insert.bind("workerToken", v.workerToken());
    Mono<CheckInResult> work = insert
        .fetch()
        .rowsUpdated()
        .flatMap(inserted -> inserted == 1
            ? outbox.append(VisitRecorded.TYPE, VisitEvents.recorded(v, clock.instant()))
                .thenReturn(new CheckInResult(v, false))
            : find(v.id()).map(existing -> new CheckInResult(existing, true)));
    return transactional.transactional(work);
  }

  @Override
  public Mono<Visit> find(String id) {
    return db.sql("""
            SELECT id, station_id, visited_at, worker_type, services, channel, worker_token, station_open
            FROM visits WHERE id = :id""")
        .bind("id", id)
        .map(R2dbcVisits::visit)
        .one();
  }

  private static Visit visit(Readable row) {
    return new Visit(
        row.get("id", String.class),
        row.get("station_id", UUID.class),
        row.get("visited_at", OffsetDateTime.class).toInstant(),
        WorkerType.valueOf(row.get("worker_type", String.class)),
        Arrays.stream(row.get("services", String[].class)).map(ServiceUsed::valueOf).toList(),
        VisitChannel.valueOf(row.get("channel", String.class)),
        row.get("worker_token", String.class),
        row.get("station_open", Boolean.class));
  }
}
