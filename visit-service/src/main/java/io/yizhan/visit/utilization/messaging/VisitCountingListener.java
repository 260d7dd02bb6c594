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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 */
class VisitCountingListener implements BatchMessageListener<String, byte[]> {

  private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);
  /** Records read and counted together within a poll: large enough for the statements to stay few. */
  private static final int SLICE = 1_000;
  private static final int SLICES_IN_FLIGHT = 2;
  private static final UtilizationStore.Counted NOTHING = new UtilizationStore.Counted(0, 0);

  private final UtilizationStore store;
  private final BatchConsumers batches;
  private final ReplayTracker replay;
  private final Clock clock;
  private final Counter counted;
  private final Counter duplicates;
  private final Timer freshness;
  private final Timer batchTime;

  VisitCountingListener(UtilizationStore store, BatchConsumers batches, ReplayTracker replay, Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.batches = batches;
    this.replay = replay;
    this.clock = clock;
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
    Outcome outcome = Outcome.NONE;
    List<CountedVisit> live = new ArrayList<>();
    // A poll is counted a slice at a time, reading the next slices while the database counts the
    // ones before (ADR 12, pipelined): serially, reading and counting each left the other idle,
    // and two cores two-thirds idle. Up to two slices are counted at once; they lock their rows
    // in one order (R2dbcUtilizationStore), so they can wait on each other but never deadlock. Each
    // slice commits on its own; a poll that fails half-way comes again whole, and the inbox makes
    // its counted slices count nothing twice.
    Deque<CompletableFuture<Outcome>> inFlight = new ArrayDeque<>();
    for (int from = 0; from < records.size(); from += SLICE) {
      Slice slice = read(records.subList(from, Math.min(records.size(), from + SLICE)));
      live.addAll(slice.live());
      if (inFlight.size() == SLICES_IN_FLIGHT) {
        outcome = outcome.plus(await(inFlight.removeFirst()));
      }
      inFlight.addLast(count(slice));
    }
    while (!inFlight.isEmpty()) {
      outcome = outcome.plus(await(inFlight.removeFirst()));
    }
    batchTime.record(Duration.ofNanos(System.nanoTime() - started));
    counted.increment(outcome.quiet().counted() + outcome.loud().counted());
    duplicates.increment(outcome.quiet().duplicates() + outcome.loud().duplicates());
    Instant now = clock.instant();
    live.forEach(visit -> freshness.record(Duration.between(visit.acceptedAt(), now)));
    replay.progressed(records, outcome.quiet());
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

  /** Replayed and live visits count in two transactions, quiet and announced. */
  private CompletableFuture<Outcome> count(Slice slice) {
    Mono<UtilizationStore.Counted> quiet = slice.replayed().isEmpty()
        ? Mono.just(NOTHING) : store.count(slice.replayed(), false);
    Mono<UtilizationStore.Counted> loud = slice.live().isEmpty()
        ? Mono.just(NOTHING) : store.count(slice.live(), true);
    return quiet.flatMap(q -> loud.map(l -> new Outcome(q, l)))
        .timeout(BATCH_TIMEOUT)
        .toFuture();
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
