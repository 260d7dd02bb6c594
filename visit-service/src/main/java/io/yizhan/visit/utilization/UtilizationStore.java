package io.yizhan.visit.utilization;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Utilization per station and hour: how visits get counted into it, and what is read from it. */
public interface UtilizationStore {

  /** The name the counter signs its dead letters with. */
  String COUNTER = "utilization-hours";

  /**
   * What counting a batch did.
   *
   * @param counted    visits counted now
   * @param duplicates visits whose event had been counted before (a redelivery), left alone
   */
  record Counted(long counted, long duplicates) {}

  /**
   * Counts the visits whose events were not counted before, in one transaction with the record of
   * their event ids: a batch redelivered after a crash finds them and counts nothing twice.
   *
   * @param announce mark each touched station-hour to be announced on utilization.events.v1 by
   *                 the next {@link #announceChanges} round; false while rebuilding
   */
  Mono<Counted> count(List<CountedVisit> visits, boolean announce);

  /**
   * Publishes where up to {@code max} changed station-hours now stand (absolute values, through
   * the outbox) and clears their mark, in one transaction.
   *
   * @return how many were announced: fewer than {@code max} means none is left
   */
  Mono<Integer> announceChanges(int max);

  /**
   * Marks for the next round every station-hour whose visits differ from what was last announced:
   * the end of a rebuild, which counts quietly and may have recounted hours whose marks it emptied
   * or whose visits were never counted live.
   *
   * @return how many were marked
   */
  Mono<Integer> markChangedSinceAnnounced();

  /**
   * Forgets every count and which events were counted (not what was announced): the start of a
   * rebuild. Notes when, in the same transaction: until a rebuild finishes after it, the counts
   * are partial and no busy/idle standing is published ({@link StandingsLog}).
   */
  Mono<Void> clear();

  /** The counts of the stations in the filter, cut by {@code granularity}; only buckets with visits. */
  Flux<Bucket> series(Filter filter, Period period, Granularity granularity);

  /**
   * A station's counts over a period, and the first hour of the period in which it had visits: read
   * together, since both take a pass over every hour of every station.
   */
  record StationCounts(Tally tally, Instant firstHourWithVisits) {}

  /** Each station's counts over the period, for the stations in the filter that had visits. */
  Mono<Map<UUID, StationCounts>> perStation(Filter filter, Period period);

  /** Each station's visits by hour of day over the period (24 numbers a station). */
  Mono<Map<UUID, long[]>> byHourOfDay(Filter filter, Period period);

  Mono<WeekDemand> weekDemand(Filter filter, Period period);

  Mono<Reconciliation> reconcile(Filter filter, Instant from, Instant to, int maxMismatches);

  /** Whose visits to read: one station, a district's stations, or all (both null). */
  record Filter(@Nullable UUID stationId, @Nullable String district) {

    public static Filter all() {
      return new Filter(null, null);
    }

    public static Filter station(UUID id) {
      return new Filter(id, null);
    }

    public static Filter district(String district) {
      return new Filter(null, district);
    }
  }
}
