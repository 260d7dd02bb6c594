package io.yizhan.visit.utilization.persistence;

import io.yizhan.visit.utilization.Rebuild;
import io.yizhan.visit.utilization.RebuildLog;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class R2dbcRebuildLog implements RebuildLog {

  private final DatabaseClient db;

  R2dbcRebuildLog(DatabaseClient db) {
    this.db = db;
  }

  @Override
  public Mono<Void> save(Rebuild r) {
    Map<String, Object> values = new HashMap<>();
    values.put("id", r.id());
    values.put("by", r.requestedBy());
    values.put("started", r.startedAt().atOffset(ZoneOffset.UTC));
    values.put("finished", r.finishedAt() == null
        ? Parameter.empty(OffsetDateTime.class) : Parameter.from(r.finishedAt().atOffset(ZoneOffset.UTC)));
    values.put("state", r.state().name());
    // "partition:offset,…": small, and readable in psql.
    values.put("until", r.until().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(",")));
    values.put("target", r.target());
    values.put("replayed", r.replayed());
    values.put("counted", r.counted());
    values.put("duplicates", r.duplicates());
    values.put("failure", r.failure() == null ? Parameter.empty(String.class) : Parameter.from(r.failure()));
    return db.sql("""
            INSERT INTO utilization_rebuilds
              (id, requested_by, started_at, finished_at, state, until_offsets, target, replayed, counted, duplicates, failure)
            VALUES (:id, :by, :started, :finished, :state, :until, :target, :replayed, :counted, :duplicates, :failure)
            ON CONFLICT (id) DO UPDATE SET finished_at = EXCLUDED.finished_at, state = EXCLUDED.state,
              replayed = EXCLUDED.replayed, counted = EXCLUDED.counted, duplicates = EXCLUDED.duplicates,
              failure = EXCLUDED.failure""")
        .bindValues(values)
        .then();
  }

  @Override
  public Mono<Rebuild> latest() {
    return db.sql("SELECT * FROM utilization_rebuilds ORDER BY started_at DESC LIMIT 1")
        .map(row -> {
          Map<Integer, Long> until = new HashMap<>();
          String offsets = row.get("until_offsets", String.class);
          if (offsets != null && !offsets.isBlank()) {
            for (String pair : offsets.split(",")) {
              String[] p = pair.split(":");
              until.put(Integer.parseInt(p[0]), Long.parseLong(p[1]));
            }
          }
          OffsetDateTime finished = row.get("finished_at", OffsetDateTime.class);
          return new Rebuild(row.get("id", UUID.class), row.get("requested_by", String.class),
              row.get("started_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
              Rebuild.State.valueOf(row.get("state", String.class)), until, row.get("target", Long.class),
              row.get("replayed", Long.class), row.get("counted", Long.class), row.get("duplicates", Long.class),
              row.get("failure", String.class));
        })
        .one();
  }

  @Override
  public Mono<String> requested() {
    return db.sql("SELECT requested_by FROM utilization_rebuild_requests ORDER BY requested_at LIMIT 1")
        .map(row -> row.get("requested_by", String.class))
        .one();
  }

  @Override
  public Mono<Void> begun(String requestedBy) {
    return db.sql("DELETE FROM utilization_rebuild_requests WHERE requested_by = :by").bind("by", requestedBy).then();
  }
}
