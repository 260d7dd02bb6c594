package io.yizhan.station.finder.messaging;

import io.yizhan.contracts.EventJson;
import io.yizhan.contracts.MalformedEventException;
import io.yizhan.contracts.station.StationHoursChanged;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.contracts.station.StationUpdated;
import io.yizhan.station.finder.StationIndex;
import io.yizhan.station.registry.StationId;
import io.yizhan.station.registry.Stations;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;

/**
 * Keeps this instance's {@link StationIndex} current. At start it loads every station; then each
 * event on station.events.v1 (binding {@code finderIndex}, without a consumer group, so every
 * instance sees every event) makes it reread that station from the database, which is the
 * truth: events that arrive twice or out of order still leave the index right.
 */
@Configuration(proxyBeanMethods = false)
class IndexFeeder {

  private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);

  /** Events that change what the finder shows; upkeep and activities on the topic do not. */
  private static final Set<String> CHANGES_STATION = Set.of(StationRegistered.TYPE.name(), StationUpdated.TYPE.name(),
      StationHoursChanged.TYPE.name(), StationStatusChanged.TYPE.name());

  private final StationIndex index;
  private final Stations stations;

  IndexFeeder(StationIndex index, Stations stations) {
    this.index = index;
    this.stations = stations;
  }

  @EventListener(ApplicationReadyEvent.class)
  void loadAll() {
    long started = System.nanoTime();
    stations.everything().doOnNext(index::put).blockLast(Duration.ofMinutes(5));
    log.info("Finder index loaded {} active stations in {} ms", index.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  @Bean
  Consumer<Message<byte[]>> finderIndex() {
    return message -> {
      StationId id;
      try {
        var envelope = EventJson.readEnvelope(message.getPayload());
        if (!CHANGES_STATION.contains(envelope.eventType())) {
          return;
        }
        id = new StationId(UUID.fromString(envelope.subject()));
      } catch (MalformedEventException | IllegalArgumentException e) {
        // Other consumers of the topic dead-letter it; the index has nothing to learn from it.
        log.warn("Finder index ignores an unreadable station event: {}", e.getMessage());
        return;
      }
      stations.find(id)
          .doOnNext(index::put)
          .switchIfEmpty(reactor.core.publisher.Mono.fromRunnable(() -> index.remove(id)))
          .block(Duration.ofSeconds(30));
    };
  }
}
