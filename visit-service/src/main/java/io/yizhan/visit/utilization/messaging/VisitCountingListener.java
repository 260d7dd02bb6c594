package io.yizhan.visit.utilization.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.yizhan.contracts.EventEnvelope;
import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.MalformedEventException;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.support.kafka.DeadLetters;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.databind.JsonNode;

/**
 * Counts visit.recorded events a poll at a time: one transaction per batch records the batch's
 * event ids and adds to each touched station-hour once (ADR 12). What cannot be read goes to
 * visit.events.v1.dlq first, with the reason. A failure of the transaction (database down) fails
 * the batch, which the container retries, uncounted and uncommitted, until it succeeds.
 */
class VisitCountingListener implements BatchMessageListener<String, byte[]> {

  private static final Logger log = LoggerFactory.getLogger(VisitCountingListener.class);
  private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

  private final UtilizationStore store;
  private final DeadLetters deadLetters;
  private final ReplayTracker replay;
  private final Clock clock;
  private final Counter counted;
  private final Counter duplicates;
  private final Timer freshness;
  private final Timer batchTime;

  VisitCountingListener(UtilizationStore store, DeadLetters deadLetters, ReplayTracker replay, Clock clock,
      MeterRegistry meters) {
    this.store = store;
    this.deadLetters = deadLetters;
    this.replay = replay;
    this.clock = clock;
    this.counted = Counter.builder("yizhan.utilization.visits.counted")
        .description("Visits counted into utilization").register(meters);
    this.duplicates = Counter.builder("yizhan.utilization.visits.duplicates")
        .description("visit.recorded events seen again (redelivery) and not counted twice").register(meters);
    this.freshness = Timer.builder("yizhan.utilization.freshness")
        .description("From a visit's acceptance (its event's occurredAt) to being visible in utilization; live only")
        .publishPercentiles(0.5, 0.99)
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
    List<Instant> acceptedAt = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      CountedVisit visit = read(record);
      if (visit == null) {
        continue;
      }
      if (replay.isReplay(record.partition(), record.offset())) {
        replayed.add(visit);
      } else {
        live.add(visit);
        acceptedAt.add(visit.acceptedAt());
      }
    }
    long started = System.nanoTime();
    // Replayed and live records of one poll count in one transaction, announced or not.
    UtilizationStore.Counted quiet = replayed.isEmpty()
        ? new UtilizationStore.Counted(0, 0) : store.count(replayed, false).block(BATCH_TIMEOUT);
    UtilizationStore.Counted loud = live.isEmpty()
        ? new UtilizationStore.Counted(0, 0) : store.count(live, true).block(BATCH_TIMEOUT);
    batchTime.record(Duration.ofNanos(System.nanoTime() - started));
    counted.increment(quiet.counted() + loud.counted());
    duplicates.increment(quiet.duplicates() + loud.duplicates());
    Instant now = clock.instant();
    acceptedAt.forEach(at -> freshness.record(Duration.between(at, now)));
    replay.progressed(records, quiet);
  }

  /** The visit a record carries; null when it is another event type or was dead-lettered. */
  private @Nullable CountedVisit read(ConsumerRecord<String, byte[]> record) {
    try {
      EventEnvelope<JsonNode> envelope = EventJson.readEnvelope(record.value());
      if (!VisitRecorded.TYPE.name().equals(envelope.eventType())) {
        return null;
      }
      EventEnvelope<VisitRecorded> event = EventJson.payload(envelope, VisitRecorded.TYPE);
      VisitRecorded v = event.data();
      return new CountedVisit(event.eventId(), UUID.fromString(v.stationId()), v.visitedAt(), v.workerType(),
          new HashSet<>(v.services()), v.stationOpen(), event.occurredAt());
    } catch (MalformedEventException | IllegalArgumentException e) {
      deadLetters.send(record, UtilizationStore.COUNTER, e instanceof MalformedEventException ? e
          : new MalformedEventException("invalid visit.recorded data: " + e.getMessage(), e));
      log.debug("dead-lettered {}-{}@{}", record.topic(), record.partition(), record.offset());
      return null;
    }
  }
}
