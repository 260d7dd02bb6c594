package io.yizhan.assessment.indicators.messaging;

import io.yizhan.assessment.indicators.Indicators;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.support.kafka.EventConsumers;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Feeds the indicators from station.events.v1 and visit.events.v1: events, never calls. */
@Configuration(proxyBeanMethods = false)
class IndicatorsConsumers {

  @Bean
  Consumer<Message<byte[]>> stationEvents(Indicators indicators, EventConsumers consumers) {
    return consumers.named("indicators-stations")
        .on(StationRegistered.TYPE, event -> {
          StationRegistered s = event.data();
          return indicators.stationListed(
              UUID.fromString(s.stationId()), s.name(), s.kind().name(), s.district(), event.occurredAt());
        })
        .build();
  }

  @Bean
  Consumer<Message<byte[]>> visitEvents(Indicators indicators, EventConsumers consumers) {
    return consumers.named("indicators-visits")
        .on(VisitRecorded.TYPE, event -> {
          VisitRecorded v = event.data();
          return indicators.visitObserved(
              UUID.fromString(v.stationId()), v.visitedAt(), v.workerType().isNewEmploymentForm());
        })
        .build();
  }
}
