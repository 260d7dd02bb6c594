package io.yizhan.visit.utilization.persistence;

import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.utilization.StationHourCounted;
import io.yizhan.support.sql.ArrayLiteral;
import io.yizhan.contracts.visit.ServiceUsed;
import io.yizhan.contracts.visit.WorkerType;
import io.yizhan.support.outbox.Outbox;
import io.yizhan.visit.utilization.Bucket;
import io.yizhan.visit.utilization.CityTime;
import io.yizhan.visit.utilization.CountedVisit;
import io.yizhan.visit.utilization.Granularity;
import io.yizhan.visit.utilization.Period;
import io.yizhan.visit.utilization.Reconciliation;
import io.yizhan.visit.utilization.StationHour;
import io.yizhan.visit.utilization.Tally;
import io.yizhan.visit.utilization.UtilizationStore;
import io.yizhan.visit.utilization.WeekDemand;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Utilization per station and hour in PostgreSQL.
 *
 * <p>The reads for reports hand their results to the parallel scheduler. Left on the database
 * connections' event loop, what a caller then does with them (ranking 1,500 stations, encoding
 * some 800 kB of JSON for the city's map) ran on that loop, which in a service with one loop (the
 * devstack's) also carries the single check-ins' transactions: they waited for it
 * (docs/benchmarks.md, session 44).
 */
@Repository
class R2dbcUtilizationStore implements UtilizationStore {

  private static final String CITY_ZONE = CityTime.ZONE.getId();

  private final DatabaseClient db;
  private final Outbox outbox;
  private final TransactionalOperator transactional;
  private final Clock clock;

  R2dbcUtilizationStore(DatabaseClient db, Outbox outbox, TransactionalOperator transactional,
      Clock clock) {
    this.db = db;
    this.outbox = outbox;
    this.transactional = transactional;
    this.clock = clock;
  }

  /**
   * {@inheritDoc}
   *
   * <p>What needs no database (each station-hour's counts, the statement's arrays) is prepared
   * at once, on the caller's thread, and the returned Mono only runs the transaction: the counter
   * prepares a slice while the database counts the one before. Normally none of the events was
   * counted before, and one statement records them and adds the prepared counts. Only when some
   * were (a redelivery) does it add nothing, and a second statement adds the counts of the rest.
   */
  @Override
  public Mono<Counted> count(List<CountedVisit> visits, boolean announce) {
    if (visits.isEmpty()) {
      return Mono.just(new Counted(0, 0));
    }
    // An event twice in one batch counts once (its first copy). Inbox keys and station-hours are
    // written in sorted order: two batches counted at once take their row locks in the same
    // order, so one may wait for the other but never deadlock.
    Map<UUID, CountedVisit> firsts = new HashMap<>();
    visits.forEach(visit -> firsts.putIfAbsent(visit.eventId(), visit));
    List<CountedVisit> unique = firsts.values().stream().sorted(IN_INBOX_ORDER).toList();
    long repeated = visits.size() - unique.size();
    Map<String, Object> values = new HashMap<>();
    values.put("times", ArrayLiteral.of(unique, visit -> visit.visitedAt().toString()));
    values.put("ids", ArrayLiteral.of(unique, visit -> visit.eventId().toString()));
    values.putAll(countValues(tallies(unique, Set.of())));
    Mono<Counted> work = db.sql(announce ? COUNT_AND_MARK_IF_NONE_SEEN : COUNT_IF_NONE_SEEN)
        .bindValues(values)
        .map(row -> row.get("id", UUID.class))
        .all()
        .collect(Collectors.toSet())
        .flatMap(seen -> {
          if (seen.isEmpty()) {
            return Mono.just(new Counted(unique.size(), repeated));
          }
          Map<StationHour, Tally> rest = tallies(unique, seen);
          Mono<Void> added = rest.isEmpty()
              ? Mono.empty()
              : db.sql(announce ? ADD_AND_MARK_COUNTS : ADD_COUNTS).bindValues(countValues(rest)).then();
          return added.thenReturn(new Counted(unique.size() - seen.size(), repeated + seen.size()));
        });
    return transactional.transactional(work);
  }

  private static final Comparator<StationHour> IN_LOCK_ORDER =
      Comparator.comparing(StationHour::stationId).thenComparing(StationHour::hour);

  /** The inbox's key order: by visit time first, which is also where its new rows go (V9). */
  private static final Comparator<CountedVisit> IN_INBOX_ORDER =
      Comparator.comparing(CountedVisit::visitedAt).thenComparing(CountedVisit::eventId);

  /** Each station-hour's counts of the visits, leaving out those whose events were seen before. */
  private static Map<StationHour, Tally> tallies(List<CountedVisit> visits, Set<UUID> seenBefore) {
    Map<StationHour, Tally> tallies = new TreeMap<>(IN_LOCK_ORDER);
    for (CountedVisit visit : visits) {
      if (!seenBefore.contains(visit.eventId())) {
        tallies.computeIfAbsent(visit.stationHour(), k -> new Tally()).add(visit);
      }
    }
    return tallies;
  }

  /** The parameters of {@link #ADD_COUNTS}: parallel arrays, each bound as an array literal. */
  private static Map<String, Object> countValues(Map<StationHour, Tally> tallies) {
    List<StationHour> keys = List.copyOf(tallies.keySet());
    List<long[]> rows = keys.stream().map(key -> values(tallies.get(key))).toList();
    Map<String, Object> values = new HashMap<>();
    values.put("stations", ArrayLiteral.of(keys, key -> key.stationId().toString()));
    values.put("hours", ArrayLiteral.of(keys, key -> Long.toString(key.hour().getEpochSecond())));
    for (int c = 0; c < UtilizationColumns.COUNTS.size(); c++) {
      int column = c;
      values.put("c" + c, ArrayLiteral.of(rows, row -> Long.toString(row[column])));
    }
    return values;
  }

  private static final String RETURNING_KEYS = " RETURNING station_id, hour";

  /**
   * Marks the station-hours a CTE {@code added} returns as changed since announced. They are
   * read from what the upsert returns, so each hour's row is locked before its mark is written:
   * an announcement round, which locks both and skips locked rows, then either announces the
   * new counts or leaves the hour for the next round, never clearing a mark for counts it did not
   * read.
   */
  private static final String MARK_ADDED = "INSERT INTO utilization_unannounced (station_id, hour) "
      + "SELECT station_id, hour FROM added ON CONFLICT DO NOTHING";

  /**
   * Adds parallel arrays (station, hour as epoch seconds, one array per count column :c0…:cN) to
   * utilization_hours: one statement and ~25 parameters whatever the batch's size.
   */
  private static final String ADD_COUNTS = addCounts("");

  /** {@link #ADD_COUNTS}, and marks the station-hours for the next announcement round. */
  private static final String ADD_AND_MARK_COUNTS =
      "WITH added AS (" + addCounts("") + RETURNING_KEYS + ") " + MARK_ADDED;

  /**
   * Records the events (:times, :ids) in the counter's inbox, and, only if none of them was
   * there before, adds the counts as {@link #ADD_COUNTS} does, in one statement. Answers the
   * events that were there before: normally none.
   *
   * <p>The inbox ({@code utilization_counted_events}) is keyed by the visit's time first, not the
   * random event id (V9): new visits are recent and a replay runs roughly in time order, so inserts
   * land in the few index pages of the latest hours. The condition on {@code seen} is evaluated
   * once, before the first station-hour is touched, so the inbox's rows are locked before the
   * hours', as they were when these were two statements.
   */
  private static final String COUNT_IF_NONE_SEEN = countIfNoneSeen(false);

  /** {@link #COUNT_IF_NONE_SEEN}, and marks the station-hours for the next announcement round. */
  private static final String COUNT_AND_MARK_IF_NONE_SEEN = countIfNoneSeen(true);

  private static String countIfNoneSeen(boolean mark) {
    return """
      WITH given AS (
        SELECT * FROM unnest(CAST(:times AS timestamptz[]), CAST(:ids AS uuid[])) AS t(at, id)),
      counted AS (
        INSERT INTO utilization_counted_events (visited_at, event_id)
        SELECT at, id FROM given
        ON CONFLICT DO NOTHING
        RETURNING event_id),
      seen AS (
        SELECT id FROM given
        EXCEPT
        SELECT event_id FROM counted),
      added AS (
        """ + addCounts(" WHERE NOT EXISTS (SELECT 1 FROM seen)") + (mark ? RETURNING_KEYS : "") + ")"
        + (mark ? ", marked AS (" + MARK_ADDED + ")" : "") + """

      SELECT id FROM seen""";
  }

  private static String addCounts(String condition) {
    List<String> counts = UtilizationColumns.COUNTS;
    String names = IntStream.range(0, counts.size()).mapToObj(c -> "c" + c).collect(Collectors.joining(", "));
    return "INSERT INTO utilization_hours (station_id, hour, " + String.join(", ", counts) + ") "
        + "SELECT s, to_timestamp(h), " + names + " "
        + "FROM unnest(CAST(:stations AS uuid[]), CAST(:hours AS bigint[]), "
        + IntStream.range(0, counts.size()).mapToObj(c -> "CAST(:c" + c + " AS integer[])")
            .collect(Collectors.joining(", "))
        + ") AS t(s, h, " + names + ")" + condition + " "
        + "ON CONFLICT (station_id, hour) DO UPDATE SET "
        + counts.stream().map(c -> c + " = utilization_hours." + c + " + EXCLUDED." + c).collect(Collectors.joining(", "));
  }

  @Override
  public Mono<Integer> announceChanges(int max) {
    // The round locks each hour's mark and its counts, skipping either if locked: a station-hour
    // being counted now is announced in the next round (its mark is written after its counts,
    // MARK_ADDED), and two instances announcing at once take different hours.
    // The same statement notes what is announced, for the end of a rebuild (markChangedSinceAnnounced).
    Mono<Integer> round = db.sql("WITH taken AS (SELECT h.station_id, h.hour, "
            + UtilizationColumns.COUNTS.stream().map(c -> "h." + c).collect(Collectors.joining(", "))
            + " FROM utilization_unannounced m JOIN utilization_hours h "
            + "ON h.station_id = m.station_id AND h.hour = m.hour "
            + "LIMIT :max FOR UPDATE OF m, h SKIP LOCKED), "
            + "cleared AS (DELETE FROM utilization_unannounced m USING taken t "
            + "WHERE m.station_id = t.station_id AND m.hour = t.hour), "
            + "noted AS (INSERT INTO utilization_announced (station_id, hour, visits) "
            + "SELECT station_id, hour, visits FROM taken "
            + "ON CONFLICT (station_id, hour) DO UPDATE SET visits = EXCLUDED.visits) "
            + "SELECT * FROM taken")
        .bind("max", max)
        .map(row -> {
          UUID station = row.get("station_id", UUID.class);
          Instant hour = row.get("hour", java.time.OffsetDateTime.class).toInstant();
          Tally tally = UtilizationColumns.tally(row);
          return EventEnvelope.of(StationHourCounted.TYPE, "visit-service", station.toString(), clock.instant(),
              new StationHourCounted(station.toString(), hour, tally.visits(), tally.outsideHours(),
                  tally.openUnknown(), tally.workers(), tally.services()));
        })
        .all()
        .collectList()
        .flatMap(events -> outbox.appendAll(StationHourCounted.TYPE, events).thenReturn(events.size()));
    return transactional.transactional(round);
  }

  private static long[] values(Tally tally) {
    long[] values = new long[UtilizationColumns.COUNTS.size()];
    int c = 0;
    values[c++] = tally.visits();
    values[c++] = tally.outsideHours();
    values[c++] = tally.openUnknown();
    for (WorkerType type : WorkerType.values()) {
      values[c++] = tally.byWorker(type);
    }
    for (ServiceUsed service : ServiceUsed.values()) {
      values[c++] = tally.byService(service);
    }
    return values;
  }

  @Override
  public Mono<Integer> markChangedSinceAnnounced() {
    return db.sql("""
            INSERT INTO utilization_unannounced (station_id, hour)
            SELECT h.station_id, h.hour FROM utilization_hours h
            WHERE NOT EXISTS (
              SELECT 1 FROM utilization_announced a
              WHERE a.station_id = h.station_id AND a.hour = h.hour AND a.visits = h.visits)
            ON CONFLICT DO NOTHING""")
        .fetch().rowsUpdated()
        .map(Long::intValue);
  }

  @Override
  public Mono<Void> clear() {
    // TRUNCATE, not DELETE: the replay inserts the same event ids again, and deleted-but-not-yet-
    // vacuumed index entries for them made every insert slow (V5's comment). The marks go with
    // the counts they were for; what was announced stays: the rebuild's end compares with it.
    // When, in the same transaction: no busy/idle standing is published from partial counts.
    return transactional.transactional(
        db.sql("TRUNCATE utilization_hours, utilization_unannounced, utilization_counted_events").then()
            .then(db.sql("INSERT INTO utilization_cleared (cleared_at) VALUES (:now) "
                    + "ON CONFLICT (only_row) DO UPDATE SET cleared_at = EXCLUDED.cleared_at")
                .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                .then()));
  }

  @Override
  public Flux<Bucket> series(Filter filter, Period period, Granularity granularity) {
    String unit = granularity.name().toLowerCase(java.util.Locale.ROOT);
    return filtered("SELECT date_trunc('" + unit + "', u.hour AT TIME ZONE '" + CITY_ZONE + "') AS bucket, "
            + UtilizationColumns.sums().replace("sum(", "sum(u.") + " FROM utilization_hours u", filter, period,
        " GROUP BY bucket ORDER BY bucket")
        .map(row -> new Bucket(row.get("bucket", LocalDateTime.class), UtilizationColumns.tally(row)))
        .all()
        .publishOn(Schedulers.parallel());
  }

  @Override
  public Mono<Map<UUID, StationCounts>> perStation(Filter filter, Period period) {
    return filtered("SELECT u.station_id, min(u.hour) AS first_hour, " + UtilizationColumns.sums().replace("sum(", "sum(u.")
            + " FROM utilization_hours u", filter, period, " GROUP BY u.station_id")
        .map(row -> Map.entry(row.get("station_id", UUID.class), new StationCounts(UtilizationColumns.tally(row),
            row.get("first_hour", OffsetDateTime.class).toInstant())))
        .all()
        .collectMap(Map.Entry::getKey, Map.Entry::getValue)
        .publishOn(Schedulers.parallel());
  }

  @Override
  public Mono<Map<UUID, long[]>> byHourOfDay(Filter filter, Period period) {
    return filtered("SELECT u.station_id, extract(hour FROM u.hour AT TIME ZONE '" + CITY_ZONE + "')::int AS h, "
            + "sum(u.visits)::bigint AS visits FROM utilization_hours u", filter, period, " GROUP BY u.station_id, h")
        .map(row -> new Object[] {row.get("station_id", UUID.class), row.get("h", Integer.class),
            row.get("visits", Long.class)})
        .all()
        .collect(HashMap::new, (Map<UUID, long[]> map, Object[] r) ->
            map.computeIfAbsent((UUID) r[0], k -> new long[24])[(Integer) r[1]] += (Long) r[2])
        .publishOn(Schedulers.parallel());
  }

  @Override
  public Mono<WeekDemand> weekDemand(Filter filter, Period period) {
    return filtered("SELECT extract(isodow FROM u.hour AT TIME ZONE '" + CITY_ZONE + "')::int AS dow, "
            + "extract(hour FROM u.hour AT TIME ZONE '" + CITY_ZONE + "')::int AS h, "
            + "sum(u.visits)::bigint AS visits, sum(u.outside_hours)::bigint AS outside, "
            + "sum(u.open_unknown)::bigint AS unknown FROM utilization_hours u", filter, period, " GROUP BY dow, h")
        .map(row -> new long[] {row.get("dow", Integer.class), row.get("h", Integer.class),
            row.get("visits", Long.class), row.get("outside", Long.class), row.get("unknown", Long.class)})
        .all()
        .collect(WeekDemand::new, (demand, r) -> demand.add(DayOfWeek.of((int) r[0]), (int) r[1], r[2], r[3], r[4]))
        .publishOn(Schedulers.parallel());
  }

  /** {@code select} over utilization_hours u, restricted to the filter and period, then {@code tail}. */
  private DatabaseClient.GenericExecuteSpec filtered(String select, Filter filter, Period period, String tail) {
    StringBuilder sql = new StringBuilder(select);
    Map<String, Object> values = new HashMap<>();
    if (filter.district() != null) {
      sql.append(" JOIN known_stations k ON k.id = u.station_id AND k.district = :district");
      values.put("district", filter.district());
    }
    sql.append(" WHERE u.hour >= :from AND u.hour < :to");
    values.put("from", period.start().atOffset(ZoneOffset.UTC));
    values.put("to", period.end().atOffset(ZoneOffset.UTC));
    if (filter.stationId() != null) {
      sql.append(" AND u.station_id = :station");
      values.put("station", filter.stationId());
    }
    return db.sql(sql + tail).bindValues(values);
  }

  @Override
  public Mono<Reconciliation> reconcile(Filter filter, Instant from, Instant to, int maxMismatches) {
    Map<String, Object> values = new HashMap<>();
    values.put("from", from.atOffset(ZoneOffset.UTC));
    values.put("to", to.atOffset(ZoneOffset.UTC));
    String visitsWhere = "v.visited_at >= :from AND v.visited_at < :to";
    String countsWhere = "u.hour >= :from AND u.hour < :to";
    if (filter.stationId() != null) {
      visitsWhere += " AND v.station_id = :station";
      countsWhere += " AND u.station_id = :station";
      values.put("station", filter.stationId());
    }
    if (filter.district() != null) {
      String inDistrict = " IN (SELECT id FROM known_stations WHERE district = :district)";
      visitsWhere += " AND v.station_id" + inDistrict;
      countsWhere += " AND u.station_id" + inDistrict;
      values.put("district", filter.district());
    }
    // Per station and hour, so a visit counted in the wrong hour or station shows, not only totals.
    // One statement for the totals and the page of mismatches: PostgreSQL compares once for both
    // (a WITH query named twice is computed once). As two statements at once, each compared every
    // visit with every count, and together they took both cores of a small machine while the
    // check-ins waited for one (docs/benchmarks.md, session 44).
    String compared = "WITH accepted AS (SELECT v.station_id, date_trunc('hour', v.visited_at) AS hour, count(*) AS n "
        + "FROM visits v WHERE " + visitsWhere + " GROUP BY 1, 2), "
        + "counted AS (SELECT u.station_id, u.hour, u.visits AS n FROM utilization_hours u WHERE " + countsWhere + "), "
        + "compared AS (SELECT COALESCE(a.station_id, c.station_id) AS station_id, COALESCE(a.hour, c.hour) AS hour, "
        + "COALESCE(a.n, 0) AS accepted, COALESCE(c.n, 0) AS counted "
        + "FROM accepted a FULL JOIN counted c ON a.station_id = c.station_id AND a.hour = c.hour), "
        + "page AS (SELECT station_id, hour, accepted, counted FROM compared WHERE accepted <> counted "
        + "ORDER BY abs(accepted - counted) DESC, hour, station_id LIMIT :limit) ";
    // The totals are the row without a station; the page's rows keep their order after it.
    String totalsThenPage = compared
        + "SELECT 0 AS part, NULL::uuid AS station_id, NULL::timestamptz AS hour, "
        + "COALESCE(sum(accepted), 0)::bigint AS accepted, COALESCE(sum(counted), 0)::bigint AS counted, "
        + "count(*) FILTER (WHERE accepted <> counted) AS mismatched, 0::bigint AS position FROM compared "
        + "UNION ALL SELECT 1, station_id, hour, accepted, counted, 0, "
        + "row_number() OVER (ORDER BY abs(accepted - counted) DESC, hour, station_id) FROM page "
        + "ORDER BY part, position";
    values.put("limit", maxMismatches);
    return db.sql(totalsThenPage)
        .bindValues(values)
        .map(row -> new Object[] {row.get("station_id", UUID.class), row.get("hour", OffsetDateTime.class),
            row.get("accepted", Long.class), row.get("counted", Long.class), row.get("mismatched", Long.class)})
        .all()
        .collectList()
        .publishOn(Schedulers.parallel())
        .map(rows -> {
          Object[] totals = rows.get(0);
          List<Reconciliation.Mismatch> page = rows.subList(1, rows.size()).stream()
              .map(r -> new Reconciliation.Mismatch((UUID) r[0], ((OffsetDateTime) r[1]).toInstant(), (Long) r[2],
                  (Long) r[3]))
              .toList();
          return new Reconciliation(from, to, (Long) totals[2], (Long) totals[3], (Long) totals[4], page);
        });
  }
}
