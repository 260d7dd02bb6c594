package io.yizhan.assessment.indicators.messaging;

import io.yizhan.assessment.indicators.CountedHour;
import io.yizhan.assessment.indicators.Indicators;
import io.yizhan.contracts.Topics;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.utilization.StationHourCounted;
import io.yizhan.support.kafka.BatchConsumers;
import io.yizhan.support.kafka.EventConsumers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Feeds the indicators from station.events.v1 and utilization.events.v1: events, never calls. */
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
   * Visits as utilization counts them, a station-hour at a time (utilization.events.v1), not every
   * visit event: the indicators need totals, and reading visit.events.v1 cost this service and its
   * database an inbox row per visit, a quarter of the platform's CPU while districts sent batches.
   * A poll at a time, in one statement; its own consumer group, so a rebalance of the station
   * binding does not stop it.
   */
  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> indicatorsUtilization(
      Indicators indicators, BatchConsumers batches,
      @Value("${yizhan.indicators.max-poll-records:5000}") int maxPollRecords) {
    BatchMessageListener<String, byte[]> listener = records -> {
      List<CountedHour> hours = batches.read(records, StationHourCounted.TYPE, Indicators.UTILIZATION_CONSUMER,
              event -> {
                StationHourCounted counted = event.data();
                long newEmployment = counted.workerTypes().entrySet().stream()
                    .filter(e -> e.getKey().isNewEmploymentForm()).mapToLong(Map.Entry::getValue).sum();
                return new CountedHour(UUID.fromString(counted.stationId()), counted.hour(), counted.visits(),
                    newEmployment);
              })
          .stream().map(BatchConsumers.Read::value).toList();
      if (!hours.isEmpty()) {
        indicators.hoursCounted(hours).block(Duration.ofMinutes(2));
      }
    };
    return batches.container(Indicators.UTILIZATION_CONSUMER, Topics.UTILIZATION_EVENTS,
        "assessment-service-utilization", maxPollRecords, 1, listener);
  }
}
