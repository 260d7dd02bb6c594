package io.yizhan.station.maintenance.persistence;

import io.r2dbc.spi.Readable;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.maintenance.MaintenanceOverdue;
import io.yizhan.contracts.maintenance.MaintenanceOverdue.Tier;
import io.yizhan.contracts.maintenance.MaintenanceRecorded;
import io.yizhan.contracts.station.Contact;
import io.yizhan.station.maintenance.Escalation;
import io.yizhan.station.maintenance.Maintenance;
import io.yizhan.station.maintenance.MaintenanceRecord;
import io.yizhan.station.maintenance.TaskKind;
import io.yizhan.station.maintenance.TaskState;
import io.yizhan.station.registry.ResponsibilityChain;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.messaging.StationEvents;
import io.yizhan.support.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcMaintenance implements Maintenance {

  /**
   * Every task of every station in service, with its due date: one interval after the latest of
   * the last completion, the registration and the last (re)opening, so time spent suspended or
   * before opening does not count against the manager.
   */
  private static final String TASKS = """
      SELECT s.id, s.name, s.district, s.manager_name, s.manager_phone, s.regional_head_name,
             s.regional_head_phone, s.district_chief_name, s.district_chief_phone,
             k.code, k.name_zh, k.interval_days, k.sort_order, d.done_at AS last_done_at,
             GREATEST(d.done_at, s.registered_at, opened.at) + k.interval_days * INTERVAL '1 day' AS due_at
        FROM stations s
        CROSS JOIN maintenance_task_kinds k
        LEFT JOIN maintenance_last_done d ON d.station_id = s.id AND d.task = k.code
        LEFT JOIN LATERAL (SELECT max(h.changed_at) AS at FROM station_status_history h
                            WHERE h.station_id = s.id AND h.to_status = 'ACTIVE') opened ON TRUE
       WHERE s.status = 'ACTIVE'""";

  private final DatabaseClient db;
  private final Outbox outbox;
  private final TransactionalOperator transactional;

  R2dbcMaintenance(DatabaseClient db, Outbox outbox, TransactionalOperator transactional) {
    this.db = db;
    this.outbox = outbox;
    this.transactional = transactional;
  }

  @Override
  public Mono<List<TaskKind>> kinds() {
    return db.sql("SELECT code, name_zh, interval_days FROM maintenance_task_kinds ORDER BY sort_order")
        .map(row -> new TaskKind(row.get("code", String.class), row.get("name_zh", String.class),
            Duration.ofDays(row.get("interval_days", Integer.class))))
        .all()
        .collectList();
  }

  @Override
  public Mono<MaintenanceRecord> record(MaintenanceRecord r) {
    GenericExecuteSpec insert = db.sql("""
            INSERT INTO maintenance_records (id, station_id, task, done_at, done_by, note, recorded_at)
            VALUES (:id, :station, :task, :doneAt, :by, :note, :recordedAt)""")
        .bind("id", r.id())
        .bind("station", r.stationId().value())
        .bind("task", r.task())
        .bind("doneAt", utc(r.doneAt()))
        .bind("by", r.by())
        .bind("recordedAt", utc(r.recordedAt()));
    insert = r.note() == null ? insert.bindNull("note", String.class) : insert.bind("note", r.note());
    Mono<Void> lastDone = db.sql("""
            INSERT INTO maintenance_last_done (station_id, task, done_at) VALUES (:station, :task, :doneAt)
            ON CONFLICT (station_id, task) DO UPDATE SET done_at = GREATEST(maintenance_last_done.done_at, EXCLUDED.done_at)""")
        .bind("station", r.stationId().value())
        .bind("task", r.task())
        .bind("doneAt", utc(r.doneAt()))
        .then();
    EventEnvelope<MaintenanceRecorded> event = EventEnvelope.of(MaintenanceRecorded.TYPE, StationEvents.SOURCE,
        r.stationId().toString(), r.recordedAt(),
        new MaintenanceRecorded(r.id().toString(), r.stationId().toString(), r.task(), r.doneAt(), r.by(), r.note()));
    return transactional.transactional(insert.then()
        .then(lastDone)
        .then(outbox.append(MaintenanceRecorded.TYPE, event))
        .thenReturn(r));
  }

  @Override
  public Flux<TaskState> tasksOf(StationId station) {
    return db.sql(TASKS + " AND s.id = :station ORDER BY k.sort_order")
        .bind("station", station.value())
        .map(R2dbcMaintenance::state)
        .all();
  }

  @Override
  public Flux<MaintenanceRecord> recordsOf(StationId station, int limit) {
    return db.sql("""
            SELECT id, station_id, task, done_at, done_by, note, recorded_at FROM maintenance_records
             WHERE station_id = :station ORDER BY done_at DESC LIMIT :limit""")
        .bind("station", station.value())
        .bind("limit", limit)
        .map(row -> new MaintenanceRecord(row.get("id", UUID.class), new StationId(row.get("station_id", UUID.class)),
            row.get("task", String.class), instant(row, "done_at"), row.get("done_by", String.class),
            row.get("note", String.class), instant(row, "recorded_at")))
        .all();
  }

  @Override
  public Flux<TaskState> overdue(Instant now, OverdueFilter filter) {
    StringBuilder sql = new StringBuilder("SELECT * FROM (" + TASKS + ") t WHERE due_at < :now");
    if (filter.district() != null) {
      sql.append(" AND district = :district");
    }
    if (filter.regionalHead() != null) {
      sql.append(" AND regional_head_name = :regionalHead");
    }
    if (filter.manager() != null) {
      sql.append(" AND manager_name = :manager");
    }
    GenericExecuteSpec spec = db.sql(sql.append(" ORDER BY due_at, name, sort_order").toString()).bind("now", utc(now));
    spec = filter.district() == null ? spec : spec.bind("district", filter.district());
    spec = filter.regionalHead() == null ? spec : spec.bind("regionalHead", filter.regionalHead());
    spec = filter.manager() == null ? spec : spec.bind("manager", filter.manager());
    return spec.map(R2dbcMaintenance::state).all();
  }

  @Override
  public Mono<Integer> escalate(Instant now, Escalation escalation, int maxPerRound) {
    // The tier each overdue task has reached (Escalation#reached, in SQL so that tasks already
    // announced at that tier are never read), and only those not yet announced.
    Flux<Escalated> due = db.sql("SELECT * FROM (SELECT t.*, CASE"
            + " WHEN :now - t.due_at >= :toChief * INTERVAL '1 second' THEN 'DISTRICT_CHIEF'"
            + " WHEN :now - t.due_at >= :toHead * INTERVAL '1 second' THEN 'REGIONAL_HEAD'"
            + " ELSE 'STATION_MANAGER' END AS tier FROM (" + TASKS + ") t WHERE t.due_at < :now) o"
            + " WHERE NOT EXISTS (SELECT 1 FROM maintenance_escalations e WHERE e.station_id = o.id"
            + " AND e.task = o.code AND e.due_at = o.due_at AND e.tier = o.tier)"
            + " ORDER BY o.due_at LIMIT :max")
        .bind("now", utc(now))
        .bind("toChief", (double) escalation.toDistrictChief().toSeconds())
        .bind("toHead", (double) escalation.toRegionalHead().toSeconds())
        .bind("max", maxPerRound)
        .map(row -> new Escalated(state(row), Tier.valueOf(row.get("tier", String.class))))
        .all();
    Mono<Integer> round = db.sql("SELECT pg_try_advisory_xact_lock(hashtext('yizhan.maintenance.escalation'))")
        .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
        .one()
        .flatMap(locked -> locked
            ? due.collectList().flatMapMany(Flux::fromIterable).concatMap(e -> announce(e, now).thenReturn(e)).count().map(Long::intValue)
            : Mono.just(0));
    return transactional.transactional(round);
  }

  private record Escalated(TaskState state, Tier tier) {}

  private Mono<Void> announce(Escalated e, Instant now) {
    TaskState s = e.state();
    Contact contact = Escalation.contactAt(e.tier(), s.chain());
    EventEnvelope<MaintenanceOverdue> event = EventEnvelope.of(MaintenanceOverdue.TYPE, StationEvents.SOURCE,
        s.stationId().toString(), now,
        new MaintenanceOverdue(s.stationId().toString(), s.stationName(), s.district(), s.task().code(),
            s.task().nameZh(), s.dueAt(), s.lastDoneAt(), s.overdueDays(now), e.tier(), contact));
    return db.sql("""
            INSERT INTO maintenance_escalations (station_id, task, due_at, tier, announced_at)
            VALUES (:station, :task, :dueAt, :tier, :now)""")
        .bind("station", s.stationId().value())
        .bind("task", s.task().code())
        .bind("dueAt", utc(s.dueAt()))
        .bind("tier", e.tier().name())
        .bind("now", utc(now))
        .then()
        .then(outbox.append(MaintenanceOverdue.TYPE, event));
  }

  private static TaskState state(Readable row) {
    return new TaskState(
        new StationId(row.get("id", UUID.class)),
        row.get("name", String.class),
        row.get("district", String.class),
        new ResponsibilityChain(
            new Contact(row.get("manager_name", String.class), row.get("manager_phone", String.class)),
            contact(row.get("regional_head_name", String.class), row.get("regional_head_phone", String.class)),
            contact(row.get("district_chief_name", String.class), row.get("district_chief_phone", String.class))),
        new TaskKind(row.get("code", String.class), row.get("name_zh", String.class),
            Duration.ofDays(row.get("interval_days", Integer.class))),
        row.get("last_done_at", OffsetDateTime.class) == null ? null : instant(row, "last_done_at"),
        instant(row, "due_at"));
  }

  private static @Nullable Contact contact(@Nullable String name, @Nullable String phone) {
    return name == null || phone == null ? null : new Contact(name, phone);
  }

  private static Instant instant(Readable row, String column) {
    return row.get(column, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
