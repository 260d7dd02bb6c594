package io.yizhan.visit.checkin.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.VisitChannel;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.sql.ArrayLiteral;
import io.yizhan.visit.checkin.CheckInResult;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.VisitLog;
import io.yizhan.visit.checkin.Visits;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

@Repository
class R2dbcVisits implements Visits {

  /**
   * Inserts parallel arrays, one per column, each bound as one array literal: eight parameters
   * whatever the number of visits (a multi-row VALUES list cost more to build, bind and parse than
   * the insert itself). Services travel comma-joined, since unnest flattens arrays of arrays. ON
   * CONFLICT makes the visit id the idempotency key. Answers the ids that were there already,
   * normally none: returning the new ones instead cost a row to send and decode per visit.
   */
  private static final String INSERT_NEW = """
      WITH given AS (
        SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:stations AS uuid[]), CAST(:times AS timestamptz[]),
                             CAST(:workers AS text[]), CAST(:services AS text[]), CAST(:channels AS text[]),
                             CAST(:tokens AS text[]), CAST(:open AS boolean[])) AS v(i, s, a, w, sv, c, t, o)),
      stored AS (
        INSERT INTO visits (id, station_id, visited_at, worker_type, services, channel, worker_token, station_open)
        SELECT i, s, a, w, string_to_array(sv, ','), c, t, o FROM given
        ON CONFLICT (id) DO NOTHING
        RETURNING id)
      SELECT i AS id FROM given
      EXCEPT
      SELECT id FROM stored""";

  private final DatabaseClient db;
  private final VisitLog log;
  private final TransactionalOperator transactional;
  private final CheckInGroups groups;
  private final GroupStages groupStages;
  /**
   * At 20,000 visits a second the restoring consumer is normally a second or less behind: a
   * hundred thousand ids (~15 MB) leave it room to lag.
   */
  private final RecentlyStored recentlyStored = new RecentlyStored(100_000);

  R2dbcVisits(DatabaseClient db, VisitLog log, TransactionalOperator transactional, MeterRegistry meters,
      @Value("${yizhan.visits.check-in-groups.max-size:64}") int maxGroup,
      @Value("${yizhan.visits.check-in-groups.transactions:1}") int transactions) {
    this.db = db;
    this.log = log;
    this.transactional = transactional;
    this.groups = new CheckInGroups(this::recordTogether, maxGroup, transactions, meters);
    this.groupStages = new GroupStages(meters);
  }

  @Override
  public Mono<CheckInResult> record(Visit v) {
    return groups.record(v);
  }

  /**
   * Check-ins that arrived together, in one transaction that commits after the log acknowledged
   * the new ones; answers in their order. A concurrent retry of a visit (in another group) waits on
   * the row lock until this commits, then finds it. The same visit twice in a group is stored once
   * and the second told it is a duplicate, as if it had come just after.
   */
  private Mono<List<CheckInResult>> recordTogether(List<Visit> visits) {
    Map<String, Visit> firsts = new LinkedHashMap<>();
    visits.forEach(v -> firsts.putIfAbsent(v.id(), v));
    // In id order: two groups inserting the same ids lock them in one order, and cannot deadlock.
    List<Visit> distinct = firsts.values().stream().sorted(Comparator.comparing(Visit::id)).toList();
    GroupStages.Timing stages = groupStages.start();
    Mono<Logged<List<CheckInResult>>> work = storeNew(distinct)
        .doOnNext(stored -> stages.stored())
        .flatMap(existingIds -> log.append(distinct.stream().filter(v -> !existingIds.contains(v.id())).toList())
            .doOnNext(logged -> stages.logged())
            .flatMap(eventIds -> findAll(List.copyOf(existingIds)).map(existing -> {
              List<CheckInResult> results = new ArrayList<>(visits.size());
              for (Visit v : visits) {
                Visit first = firsts.get(v.id());
                if (!existingIds.contains(v.id())) {
                  results.add(new CheckInResult(first, first != v));
                } else if (existing.containsKey(v.id())) {
                  results.add(new CheckInResult(existing.get(v.id()), true));
                } else {
                  // Neither inserted nor there: the group fails and each is tried alone.
                  throw new IllegalStateException("visit " + v.id() + " neither stored nor found");
                }
              }
              return new Logged<>(results, eventIds);
            })));
    return toTheEnd(Mono.defer(() -> {
          stages.begun();
          return transactional.transactional(work);
        })
        .doOnSuccess(logged -> {
          stages.committed();
          recentlyStored.addAll(logged.eventIds());
        })
        .map(Logged::answer));
  }

  /** A transaction's answer, and the events it appended: noted once it committed. */
  private record Logged<T>(T answer, List<UUID> eventIds) {}

  private Mono<Map<String, Visit>> findAll(List<String> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Map.of());
    }
    return db.sql("""
            SELECT id, station_id, visited_at, worker_type, services, channel, worker_token, station_open
            FROM visits WHERE id = ANY(CAST(:ids AS text[]))""")
        .bind("ids", ArrayLiteral.of(ids))
        .map(R2dbcVisits::visit)
        .all()
        .collectMap(Visit::id);
  }

  /**
   * Runs a check-in's transaction to its commit or rollback even when the caller stops waiting
   * (the gateway's timeout, a phone that went away). Cancelled half-way, a transaction is rolled
   * back asynchronously, racing the work still in flight on its connection; one check-in of 6.7
   * million was found committed without its event that way, in an overload. The caller that
   * gave up simply does not hear the answer; a retry finds the visit.
   */
  private static <T> Mono<T> toTheEnd(Mono<T> transaction) {
    return Mono.defer(() -> Mono.fromFuture(transaction.toFuture(), true));
  }

  @Override
  public Mono<Set<String>> recordAll(List<Visit> batch) {
    // The transaction commits only after the log acknowledged the new visits: a visit is either
    // stored and logged, or (the log failed) neither, and the caller may send it again.
    Mono<Logged<Set<String>>> work = storeNew(batch)
        .flatMap(existing -> {
          List<Visit> stored = batch.stream().filter(v -> !existing.contains(v.id())).toList();
          return log.append(stored).map(eventIds ->
              new Logged<>(stored.stream().map(Visit::id).collect(Collectors.toSet()), eventIds));
        });
    return toTheEnd(transactional.transactional(work)
        .doOnSuccess(logged -> recentlyStored.addAll(logged.eventIds()))
        .map(Logged::answer));
  }

  @Override
  public Mono<Integer> restore(List<Visit> visits) {
    // ON CONFLICT: a check-in committing meanwhile has stored it already, and is not counted here.
    return storeNew(visits).map(existing -> (int) visits.stream().filter(v -> !existing.contains(v.id())).count());
  }

  @Override
  public Set<UUID> committedHere(Collection<UUID> eventIds) {
    return recentlyStored.take(eventIds);
  }

  @Override
  public void forgetCommittedHere() {
    recentlyStored.clear();
  }

  @Override
  public Mono<Set<String>> missing(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Mono.just(Set.of());
    }
    return db.sql(MISSING)
        .bind("ids", ArrayLiteral.of(ids))
        .map(row -> row.get("id", String.class))
        .all()
        .collect(Collectors.toSet());
  }

  private static final String MISSING = """
      SELECT id FROM unnest(CAST(:ids AS text[])) AS t(id)
      WHERE NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = t.id)""";

  /** Stores the visits whose ids are new; answers the ids of the others, which were there already. */
  private Mono<Set<String>> storeNew(List<Visit> visits) {
    if (visits.isEmpty()) {
      return Mono.just(Set.of());
    }
    Map<String, Object> values = new HashMap<>();
    values.put("ids", ArrayLiteral.of(visits, Visit::id));
    values.put("stations", ArrayLiteral.of(visits, v -> v.stationId().toString()));
    values.put("times", ArrayLiteral.of(visits, v -> v.visitedAt().toString()));
    values.put("workers", ArrayLiteral.of(visits, v -> v.workerType().name()));
    values.put("services", ArrayLiteral.of(visits,
        v -> v.services().stream().map(Enum::name).collect(Collectors.joining(","))));
    values.put("channels", ArrayLiteral.of(visits, v -> v.channel().name()));
    values.put("tokens", ArrayLiteral.of(visits, Visit::workerToken));
    values.put("open", ArrayLiteral.of(visits, v -> v.stationOpen() == null ? null : v.stationOpen().toString()));
    return db.sql(INSERT_NEW).bindValues(values).map(row -> row.get("id", String.class)).all()
        .collect(Collectors.toSet());
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
