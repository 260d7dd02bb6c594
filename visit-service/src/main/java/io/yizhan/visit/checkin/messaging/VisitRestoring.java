package io.yizhan.visit.checkin.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.support.kafka.BatchConsumers;
import io.yizhan.visit.checkin.Visit;
import io.yizhan.visit.checkin.Visits;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
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
 */
@Configuration(proxyBeanMethods = false)
class VisitRestoring {

  static final String GROUP = "visit-service-visits";
  private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

  @Bean
  SmartLifecycle visitRestoringContainer(BatchConsumers batches, Visits visits, MeterRegistry meters,
      // Polls as large as the counter's: the same records, the same cost per transaction.
      @Value("${yizhan.utilization.max-poll-records:5000}") int maxPollRecords) {
    Counter restored = Counter.builder("yizhan.visits.restored")
        .description("Visits found in visit.events.v1 but missing from the visits table, stored again")
        .register(meters);
    BatchMessageListener<String, byte[]> listener = (List<ConsumerRecord<String, byte[]>> records) -> {
      List<Visit> logged = batches.read(records, VisitRecorded.TYPE, GROUP, event -> VisitEvents.visit(event.data()))
          .stream().map(BatchConsumers.Read::value).toList();
      Integer missing = visits.restore(logged).block(BATCH_TIMEOUT);
      restored.increment(missing == null ? 0 : missing);
    };
    return batches.container("visit-restoring", Topics.VISIT_EVENTS, GROUP, maxPollRecords, 1, listener);
  }
}
