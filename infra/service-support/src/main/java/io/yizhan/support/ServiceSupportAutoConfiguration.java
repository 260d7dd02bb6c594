package io.yizhan.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.yizhan.support.inbox.Inbox;
import io.yizhan.support.inbox.InboxProperties;
import io.yizhan.support.kafka.BatchConsumers;
import io.yizhan.support.kafka.DeadLetters;
import io.yizhan.support.kafka.EventConsumers;
import io.yizhan.support.kafka.KafkaClientMeters;
import io.yizhan.support.kafka.KafkaHealthIndicator;
import io.yizhan.support.kafka.KafkaTopicsProperties;
import io.yizhan.support.outbox.Outbox;
import io.yizhan.support.outbox.OutboxProperties;
import io.yizhan.support.outbox.OutboxRelay;
import io.yizhan.support.retention.OldRows;
import io.yizhan.support.web.AnsweredOffTheEventLoop;
import io.yizhan.support.web.ProblemDetailsAdvice;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the outbox, the inbox, dead letters, topics and problem details into every service. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
      "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
      "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    },
    // Our problem-details advice must be in place before WebFlux decides whether to add its own.
    beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@EnableConfigurationProperties({OutboxProperties.class, InboxProperties.class, KafkaTopicsProperties.class})
public class ServiceSupportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
    return TransactionalOperator.create(transactions);
  }

  @Bean
  OutboxRelay outboxRelay(
      DatabaseClient db,
      TransactionalOperator transactional,
      KafkaTemplate<String, byte[]> kafka,
      OutboxProperties properties,
      MeterRegistry meters) {
    return new OutboxRelay(db, transactional, kafka, properties, meters);
  }

  @Bean
  Outbox outbox(DatabaseClient db, OutboxRelay relay) {
    return new Outbox(db, relay);
  }

  @Bean
  Inbox inbox(DatabaseClient db, TransactionalOperator transactional) {
    return new Inbox(db, transactional);
  }

  @Bean
  OldRows inboxPruning(DatabaseClient db, InboxProperties properties, MeterRegistry meters) {
    return properties.pruning(db, meters, "processed_events", "processed_at");
  }

  /** Published rows stay a while for inspection; unpublished ones (published_at null) are never pruned. */
  @Bean
  OldRows outboxPruning(DatabaseClient db, OutboxProperties properties, MeterRegistry meters) {
    return new OldRows(db, meters, "outbox", "published_at", properties.keepPublished(), properties.purgeInterval(),
        PRUNE_BATCH);
  }

  /** Rows deleted per statement when pruning the outbox. */
  private static final int PRUNE_BATCH = 10_000;

  @Bean
  DeadLetters deadLetters(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters) {
    return new DeadLetters(kafka, meters);
  }

  @Bean
  BatchConsumers batchConsumers(KafkaAdmin kafkaAdmin, DeadLetters deadLetters, MeterRegistry meters) {
    Object servers = kafkaAdmin.getConfigurationProperties().get(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    String bootstrap = servers instanceof java.util.Collection<?> list
        ? String.join(",", list.stream().map(Object::toString).toList()) : String.valueOf(servers);
    return new BatchConsumers(bootstrap, deadLetters, meters);
  }

  @Bean
  EventConsumers eventConsumers(Inbox inbox, DeadLetters deadLetters) {
    return new EventConsumers(inbox, deadLetters);
  }

  @Bean
  KafkaAdmin.NewTopics yizhanTopics(KafkaTopicsProperties properties) {
    return new KafkaAdmin.NewTopics(properties.topics().stream()
        .map(name -> {
          NewTopic topic = new NewTopic(name, properties.partitions(), properties.replicationFactor());
          return properties.keptForever().contains(name) ? topic.configs(Map.of("retention.ms", "-1")) : topic;
        })
        .toArray(NewTopic[]::new));
  }

  /** Spring Boot applies every MeterFilter bean to the registry before any meter is registered. */
  @Bean
  MeterFilter withoutUnderscoreTopicCopies() {
    return KafkaClientMeters.withoutUnderscoreTopicCopies();
  }

  @Bean
  KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
    return new KafkaHealthIndicator(kafkaAdmin);
  }

  @Bean
  ProblemDetailsAdvice problemDetailsAdvice() {
    return new ProblemDetailsAdvice();
  }

  @Bean
  AnsweredOffTheEventLoop answeredOffTheEventLoop() {
    return new AnsweredOffTheEventLoop();
  }
}
