package io.yizhan.visit.utilization.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.yizhan.support.inbox.InboxProperties;
import io.yizhan.support.retention.OldRows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The counter's own inbox (V5) forgets old events like every processed_events does. */
@Configuration(proxyBeanMethods = false)
class CountedEventsInbox {

  @Bean
  OldRows countedEventsPruning(DatabaseClient db, InboxProperties properties, MeterRegistry meters) {
    return properties.pruning(db, meters, "utilization_counted_events", "counted_at");
  }
}
