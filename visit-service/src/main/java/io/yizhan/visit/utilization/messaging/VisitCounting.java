package io.yizhan.visit.utilization.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.contracts.Topics;
import io.yizhan.support.kafka.BatchConsumers;
import io.yizhan.visit.utilization.RebuildLog;
import io.yizhan.visit.utilization.UtilizationStore;
import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consumer that counts visit.events.v1 into utilization, in batches (ADR 12). A plain
 * spring-kafka container rather than a Spring Cloud Stream binding: it needs whole polls, and a
 * rebuild stops it, moves its group's offsets and starts it again.
 */
@Configuration(proxyBeanMethods = false)
class VisitCounting {

  /** A new group (and inbox name) from Part 3 on: the first start counts the topic from its start. */
  static final String GROUP = "visit-service-utilization-hours";

  @Bean
  ReplayTracker replayTracker(RebuildLog rebuilds, UtilizationStore store, Clock clock) {
    return new ReplayTracker(rebuilds, store::markChangedSinceAnnounced, clock);
  }

  @Bean
  KafkaCountingBacklog countingBacklog(Admin admin, Clock clock) {
    return new KafkaCountingBacklog(admin, Topics.VISIT_EVENTS, GROUP, clock);
  }

  @Bean
  KafkaRebuilds utilizationRebuilds(
      @Value("${yizhan.utilization.max-poll-records:5000}") int maxPollRecords,
      @Value("${yizhan.utilization.consumers:1}") int consumers,
      @Value("${yizhan.utilization.lanes:2}") int lanes,
      Admin admin, UtilizationStore store, RebuildLog rebuilds, ReplayTracker replay,
      BatchConsumers batches, Clock clock, MeterRegistry meters) {
    var container = batches.container("utilization-counting", Topics.VISIT_EVENTS, GROUP, maxPollRecords, consumers,
        new VisitCountingListener(store, batches, replay, clock, meters, lanes));
    return new KafkaRebuilds(container, GROUP, admin, store, rebuilds, replay, clock);
  }
}
