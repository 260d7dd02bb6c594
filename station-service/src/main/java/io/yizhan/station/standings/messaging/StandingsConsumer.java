package io.yizhan.station.standings.messaging;

import io.yizhan.contracts.Topics;
import io.yizhan.contracts.utilization.StandingChanged;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.standings.NotingStandings;
import io.yizhan.support.inbox.Inbox;
import io.yizhan.support.kafka.BatchConsumers;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Reads the standings visit-service publishes on utilization.events.v1. The topic is mostly
 * hourly counts (one per station-hour that changed, every few seconds), which this skips by their
 * type header without reading them; a container that takes a poll at a time does that cheaply,
 * where a per-message binding would parse each. Each standing is then applied once through the
 * inbox, in its own transaction, in the order of its partition (keyed by station).
 */
@Configuration(proxyBeanMethods = false)
class StandingsConsumer {

  static final String CONSUMER = "station-standings";

  private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

  /** A standing read: which station, what it says, and when it was judged. */
  private record Judged(UUID eventId, StationId stationId, StandingChanged standing, Instant judgedAt) {}

  @Bean
  ConcurrentMessageListenerContainer<String, byte[]> standingsFromUtilization(NotingStandings noting, Inbox inbox,
      BatchConsumers batches, @Value("${yizhan.standings.max-poll-records:5000}") int maxPollRecords) {
    BatchMessageListener<String, byte[]> listener = records -> {
      var standings = batches.read(records, StandingChanged.TYPE, CONSUMER,
          event -> new Judged(event.eventId(), new StationId(UUID.fromString(event.data().stationId())), event.data(),
              event.occurredAt()));
      for (var read : standings) {
        Judged judged = read.value();
        inbox.once(CONSUMER, judged.eventId(), noting.note(judged.stationId(), judged.standing(), judged.judgedAt()))
            .block(APPLY_TIMEOUT);
      }
    };
    return batches.container(CONSUMER, Topics.UTILIZATION_EVENTS, "station-service-standings", maxPollRecords, 1,
        listener);
  }
}
