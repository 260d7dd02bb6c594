package io.yizhan.assessment.indicators.messaging;

import io.yizhan.assessment.indicators.Indicators;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.visit.VisitRecorded;
import io.yizhan.assessment.indicators.ObservedVisit;
import io.yizhan.contracts.Topics;
import io.yizhan.support.kafka.BatchConsumers;
import io.yizhan.support.kafka.EventConsumers;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
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

  /**
   * Visits in batches (ADR 12): a poll of visit.events.v1 at a time, one transaction each. Its own
   * consumer group, so a rebalance of the station binding does not stop it.
   */
  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> indicatorsVisitCounting(
      Indicators indicators, BatchConsumers batches,
      @Value("${yizhan.indicators.max-poll-records:5000}") int maxPollRecords) {
    BatchMessageListener<String, byte[]> listener = records -> {
      List<ObservedVisit> visits = batches.read(records, VisitRecorded.TYPE, Indicators.VISITS_CONSUMER, event ->
              new ObservedVisit(event.eventId(), UUID.fromString(event.data().stationId()), event.data().visitedAt(),
                  event.data().workerType().isNewEmploymentForm()))
          .stream().map(BatchConsumers.Read::value).toList();
      if (!visits.isEmpty()) {
        indicators.visitsObserved(visits).block(Duration.ofMinutes(2));
      }
    };
    return batches.container(Indicators.VISITS_CONSUMER, Topics.VISIT_EVENTS, "assessment-service-visits", maxPollRecords, 1,
        listener);
  }
}
