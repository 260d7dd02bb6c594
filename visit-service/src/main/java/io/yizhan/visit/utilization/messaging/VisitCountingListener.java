package io.yizhan.visit.utilization.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.support.kafka.BatchConsumers;
import io.yizhan.visit.utilization.CountedVisit;
import io.yizhan.visit.utilization.UtilizationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;
import reactor.core.publisher.Mono;

/**
 * Counts visit.recorded events a poll at a time, in slices of up to a thousand: one transaction
 * per slice records its event ids and adds to each touched station-hour once (ADR 12). What
 * cannot be read goes to visit.events.v1.dlq first, with the reason. A failed transaction
 * (database down) fails the poll, which the container retries, its offsets uncommitted, until it
 * succeeds; the slices that did commit are found in the inbox and not counted again.
 *
 * <p>A poll of more than a slice is split into lanes by station (the record key), two by default.
 * The consumer's thread reads the slices, the lanes' in turn, and prepares their statements, while
 * the database counts the ones read before (ADR 12, pipelined); each lane counts its slices one
 * after another, and the lanes run side by side. Slices of different stations touch different
 * station-hours, so lanes never wait on each other's row locks. Before, any two neighbouring
 * slices of a poll were counted at once, and as the records of a partition come in days, they
 * shared hours and the second often waited for the first to commit.
 */
class VisitCountingListener implements BatchMessageListener<String, byte[]> {

  private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);
  /** Records read and counted together within a poll: large enough for the statements to stay few. */
  private static final int SLICE = 1_000;
  private static final UtilizationStore.Counted NOTHING = new UtilizationStore.Counted(0, 0);

  private final UtilizationStore store;
  private final BatchConsumers batches;
  private final ReplayTracker replay;
  private final Clock clock;
  private final Counter counted;
  private final Counter duplicates;
  private final Timer freshness;
  private final Timer batchTime;
  private final int lanes;

  /** @param lanes the lanes a poll of more than a slice is split into by station, counted side by side */
  VisitCountingListener(UtilizationStore store, BatchConsumers batches, ReplayTracker replay, Clock clock,
      MeterRegistry meters, int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("yizhan.utilization.lanes must be at least 1, not " + lanes);
    }
    this.store = store;
    this.batches = batches;
    this.replay = replay;
    this.clock = clock;
    this.lanes = lanes;
    this.counted = Counter.builder("yizhan.utilization.visits.counted")
        .description("Visits counted into utilization").register(meters);
    this.duplicates = Counter.builder("yizhan.utilization.visits.duplicates")
        .description("visit.recorded events seen again (redelivery) and not counted twice").register(meters);
    this.freshness = Timer.builder("yizhan.utilization.freshness")
        .description("From a visit's acceptance (its event's occurredAt) to being visible in utilization; live only")
        .publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofMinutes(1))
        .register(meters);
    this.batchTime = Timer.builder("yizhan.utilization.batch")
        .description("Time to count one polled batch").register(meters);
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
    long started = System.nanoTime();
    int laneCount = records.size() > SLICE ? lanes : 1;
    List<List<ConsumerRecord<String, byte[]>>> byLane = byStation(records, laneCount);
    // Slices are read first slices first, so that every lane starts counting soon.
    List<CountedVisit> live = new ArrayList<>();
    List<CompletableFuture<Outcome>> lanesCounted = new ArrayList<>(laneCount);
    for (int l = 0; l < laneCount; l++) {
      lanesCounted.add(CompletableFuture.completedFuture(Outcome.NONE));
    }
    int longest = byLane.stream().mapToInt(List::size).max().orElse(0);
    for (int from = 0; from < longest; from += SLICE) {
      for (int l = 0; l < laneCount; l++) {
        List<ConsumerRecord<String, byte[]>> lane = byLane.get(l);
        if (from >= lane.size()) {
          continue;
        }
        List<ConsumerRecord<String, byte[]>> sliceRecords = lane.subList(from, Math.min(lane.size(), from + SLICE));
        Slice slice = read(sliceRecords);
        live.addAll(slice.live());
        Mono<Outcome> counting = count(slice);
        lanesCounted.set(l, lanesCounted.get(l).thenCompose(before -> counting.toFuture().thenApply(before::plus)));
      }
    }
    // Every lane settles before a failure fails the poll: the container brings the poll again at
    // once, and its retry must not race the other lane's transactions still in flight.
    CompletableFuture.allOf(lanesCounted.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    Outcome outcome = Outcome.NONE;
    for (CompletableFuture<Outcome> lane : lanesCounted) {
      outcome = outcome.plus(await(lane));
    }
    batchTime.record(Duration.ofNanos(System.nanoTime() - started));
    counted.increment(outcome.quiet().counted() + outcome.loud().counted());
    duplicates.increment(outcome.quiet().duplicates() + outcome.loud().duplicates());
    Instant now = clock.instant();
    live.forEach(visit -> freshness.record(Duration.between(visit.acceptedAt(), now)));
    replay.progressed(records, outcome.quiet());
  }

  /** The records split into {@code lanes} lists by their key, the station: one station, one lane. */
  private static List<List<ConsumerRecord<String, byte[]>>> byStation(List<ConsumerRecord<String, byte[]>> records,
      int lanes) {
    List<List<ConsumerRecord<String, byte[]>>> byLane = new ArrayList<>(lanes);
    for (int l = 0; l < lanes; l++) {
      byLane.add(new ArrayList<>(records.size() / lanes + 1));
    }
    for (ConsumerRecord<String, byte[]> record : records) {
      byLane.get(record.key() == null ? 0 : Math.floorMod(record.key().hashCode(), lanes)).add(record);
    }
    return byLane;
  }

  /** A slice of a poll: its visits, replayed and live. */
  private record Slice(List<CountedVisit> replayed, List<CountedVisit> live) {}

  /** What counting some visits did: the replayed ones quietly, the live ones announced. */
  private record Outcome(UtilizationStore.Counted quiet, UtilizationStore.Counted loud) {

    static final Outcome NONE = new Outcome(NOTHING, NOTHING);

    Outcome plus(Outcome other) {
      return new Outcome(sum(quiet, other.quiet), sum(loud, other.loud));
    }

    private static UtilizationStore.Counted sum(UtilizationStore.Counted a, UtilizationStore.Counted b) {
      return new UtilizationStore.Counted(a.counted() + b.counted(), a.duplicates() + b.duplicates());
    }
  }

  private Slice read(List<ConsumerRecord<String, byte[]>> records) {
    List<CountedVisit> live = new ArrayList<>();
    List<CountedVisit> replayed = new ArrayList<>();
    for (BatchConsumers.Read<CountedVisit> read : batches.read(records, VisitRecorded.TYPE, UtilizationStore.COUNTER,
        VisitCountingListener::counted)) {
      (replay.isReplay(read.record().partition(), read.record().offset()) ? replayed : live).add(read.value());
    }
    return new Slice(replayed, live);
  }

  /**
   * Replayed and live visits count in two transactions, quiet and announced. The store prepares
   * them now, on the consumer's thread; they run when the lane comes to them.
   */
  private Mono<Outcome> count(Slice slice) {
    Mono<UtilizationStore.Counted> quiet = slice.replayed().isEmpty()
        ? Mono.just(NOTHING) : store.count(slice.replayed(), false);
    Mono<UtilizationStore.Counted> loud = slice.live().isEmpty()
        ? Mono.just(NOTHING) : store.count(slice.live(), true);
    return quiet.flatMap(q -> loud.map(l -> new Outcome(q, l)))
        .timeout(BATCH_TIMEOUT);
  }

  private static Outcome await(CompletableFuture<Outcome> counting) {
    try {
      return counting.join();
    } catch (CompletionException e) {
      // The container's error handler retries the poll: rethrow what the transaction threw.
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** A station id that is not a UUID throws IllegalArgumentException: the record is dead-lettered. */
  private static CountedVisit counted(EventEnvelope<VisitRecorded> event) {
    VisitRecorded v = event.data();
    return new CountedVisit(event.eventId(), UUID.fromString(v.stationId()), v.visitedAt(), v.workerType(),
        new HashSet<>(v.services()), v.stationOpen(), event.occurredAt());
  }
}
