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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Counts visit.recorded events a poll at a time: one transaction per batch records the batch's
 * event ids and adds to each touched station-hour once (ADR 12). What cannot be read goes to
 * visit.events.v1.dlq first, with the reason. A failure of the transaction (database down) fails
 * the batch, which the container retries, uncounted and uncommitted, until it succeeds.
 */
class VisitCountingListener implements BatchMessageListener<String, byte[]> {

  private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

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
    List<CountedVisit> live = new ArrayList<>();
    List<CountedVisit> replayed = new ArrayList<>();
    for (BatchConsumers.Read<CountedVisit> read : batches.read(records, VisitRecorded.TYPE, UtilizationStore.COUNTER,
        VisitCountingListener::counted)) {
      (replay.isReplay(read.record().partition(), read.record().offset()) ? replayed : live).add(read.value());
    }
    long started = System.nanoTime();
    // Replayed and live records of one poll count in two transactions, quiet and announced.
    UtilizationStore.Counted quiet = replayed.isEmpty()
        ? new UtilizationStore.Counted(0, 0) : store.count(replayed, false).block(BATCH_TIMEOUT);
    UtilizationStore.Counted loud = live.isEmpty()
        ? new UtilizationStore.Counted(0, 0) : store.count(live, true).block(BATCH_TIMEOUT);
    batchTime.record(Duration.ofNanos(System.nanoTime() - started));
    counted.increment(quiet.counted() + loud.counted());
    duplicates.increment(quiet.duplicates() + loud.duplicates());
    Instant now = clock.instant();
    live.forEach(visit -> freshness.record(Duration.between(visit.acceptedAt(), now)));
    replay.progressed(records, quiet);
  }

  /** A station id that is not a UUID throws IllegalArgumentException: the record is dead-lettered. */
  private static CountedVisit counted(EventEnvelope<VisitRecorded> event) {
    VisitRecorded v = event.data();
    return new CountedVisit(event.eventId(), UUID.fromString(v.stationId()), v.visitedAt(), v.workerType(),
        new HashSet<>(v.services()), v.stationOpen(), event.occurredAt());
  }
}
