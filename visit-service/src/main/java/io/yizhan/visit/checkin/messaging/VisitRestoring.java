package io.yizhan.visit.checkin.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.support.kafka.BatchConsumers;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.Visits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Reads visit.events.v1 back and stores any visit the visits table lacks (ADR 13). A check-in's
 * transaction commits after Kafka acknowledged its visit; should the service die, or the
 * database fail, in between, the visit is in the log but not in the table, and the caller was
 * told nothing was stored. The log is right: it has been counted and may have been seen by
 * district systems. This consumer puts the row back, so accepted (visits) and counted
 * (utilization) always agree. It normally finds nothing to do: {@code yizhan.visits.restored}.
 * After the table was restored from a backup, it is moved back to read the log again from then
 * ({@link KafkaVisitRestorations}).
 */
@Configuration(proxyBeanMethods = false)
class VisitRestoring {

  static final String GROUP = "visit-service-visits";
  private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

  @Bean
  KafkaVisitRestorations visitRestorations(BatchConsumers batches, Visits visits, MeterRegistry meters, Admin admin,
      Clock clock,
      // Polls as large as the counter's: the same records, the same cost per transaction.
      @Value("${yizhan.utilization.max-poll-records:5000}") int maxPollRecords) {
    Counter restored = Counter.builder("yizhan.visits.restored")
        .description("Visits found in visit.events.v1 but missing from the visits table, stored again")
        .register(meters);
    BatchMessageListener<String, byte[]> listener = (List<ConsumerRecord<String, byte[]>> records) -> {
      // First the event id in each record's headers: the visits this instance stored and saw
      // committed need nothing more (reading their ids out of the events was a tenth of the
      // service's CPU in a batch run). Then only the visit id of the others, for the query;
      // whole events only for the visits missing, and for records whose id could not be read
      // that way, which the full reading skips (other types) or dead-letters.
      Map<UUID, ConsumerRecord<String, byte[]>> byEventId = new HashMap<>();
      List<ConsumerRecord<String, byte[]>> unknown = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : records) {
        UUID eventId = VisitEvents.eventIdOf(record);
        if (eventId == null) {
          unknown.add(record);
        } else {
          byEventId.putIfAbsent(eventId, record);
        }
      }
      Set<UUID> committedHere = visits.committedHere(byEventId.keySet());
      byEventId.forEach((eventId, record) -> {
        if (!committedHere.contains(eventId)) {
          unknown.add(record);
        }
      });
      Map<String, ConsumerRecord<String, byte[]>> byVisitId = new HashMap<>();
      List<ConsumerRecord<String, byte[]>> toRead = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> record : unknown) {
        String visitId = VisitEvents.visitIdOf(record.value());
        if (visitId == null) {
          toRead.add(record);
        } else {
          byVisitId.putIfAbsent(visitId, record);
        }
      }
      Set<String> missing = visits.missing(byVisitId.keySet()).blockOptional(BATCH_TIMEOUT).orElse(Set.of());
      if (missing.isEmpty() && toRead.isEmpty()) {
        return;
      }
      missing.forEach(id -> toRead.add(byVisitId.get(id)));
      List<Visit> logged = batches.read(toRead, VisitRecorded.TYPE, GROUP, event -> VisitEvents.visit(event.data()))
          .stream().map(BatchConsumers.Read::value).toList();
      Integer stored = visits.restore(logged).block(BATCH_TIMEOUT);
      restored.increment(stored == null ? 0 : stored);
    };
    return new KafkaVisitRestorations(batches.container("visit-restoring", Topics.VISIT_EVENTS, GROUP, maxPollRecords, 1,
        listener), visits, GROUP, admin, restored, clock);
  }
}
