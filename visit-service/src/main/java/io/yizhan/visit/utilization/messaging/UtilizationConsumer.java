package io.yizhan.visit.utilization.messaging;

import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.support.kafka.EventConsumers;
import io.yizhan.visit.utilization.CityTime;
import io.yizhan.visit.utilization.VisitCounts;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Counts visits from visit.events.v1 (binding {@code visitEvents}) rather than at check-in time:
 * utilization is derived from the facts, so it can be rebuilt from the topic.
 */
@Configuration(proxyBeanMethods = false)
class UtilizationConsumer {

  @Bean
  Consumer<Message<byte[]>> visitEvents(VisitCounts counts, EventConsumers consumers) {
    return consumers.named("utilization")
        .on(VisitRecorded.TYPE, event -> counts.addOne(
            UUID.fromString(event.data().stationId()), CityTime.dayOf(event.data().visitedAt())))
        .build();
  }
}
