package io.yizhan.visit.utilization.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.contracts.Topics;
import io.yizhan.support.kafka.DeadLetters;
import io.yizhan.visit.utilization.RebuildLog;
import io.yizhan.visit.utilization.UtilizationStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

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
  ReplayTracker replayTracker(RebuildLog rebuilds, Clock clock) {
    return new ReplayTracker(rebuilds, clock);
  }

  @Bean(destroyMethod = "close")
  Admin utilizationAdmin(KafkaAdmin kafkaAdmin) {
    return Admin.create(kafkaAdmin.getConfigurationProperties());
  }

  @Bean
  KafkaRebuilds utilizationRebuilds(
      @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
      @Value("${yizhan.utilization.max-poll-records:5000}") int maxPollRecords,
      Admin utilizationAdmin, UtilizationStore store, RebuildLog rebuilds, ReplayTracker replay,
      DeadLetters deadLetters, Clock clock, MeterRegistry meters) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
    // A batch of thousands takes a few seconds to count; a stalled database must not look like a dead consumer.
    config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
    ContainerProperties properties = new ContainerProperties(Topics.VISIT_EVENTS);
    properties.setAckMode(ContainerProperties.AckMode.BATCH);
    properties.setMessageListener(new VisitCountingListener(store, deadLetters, replay, clock, meters));
    properties.setMicrometerEnabled(true);
    KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(
        new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()), properties);
    container.setBeanName("utilization-counting");
    // A batch that fails (the database is down) is retried, never skipped: counts must stay exact.
    // Unreadable records never get here: the listener dead-letters them itself.
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
    backOff.setMaxInterval(30_000);
    container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
    return new KafkaRebuilds(container, GROUP, utilizationAdmin, store, rebuilds, replay, clock);
  }
}
