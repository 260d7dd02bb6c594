package io.yizhan.visit.stations.messaging;

import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationUpdated;
import io.yizhan.support.kafka.EventConsumers;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Keeps {@link KnownStations} in step with station.events.v1 (binding {@code stationEvents}). */
@Configuration(proxyBeanMethods = false)
class StationReplicaConsumer {

  @Bean
  Consumer<Message<byte[]>> stationEvents(KnownStations stations, EventConsumers consumers) {
    return consumers.named("station-replica")
        .on(StationRegistered.TYPE, event -> {
          StationRegistered s = event.data();
          return stations.save(new KnownStation(
              UUID.fromString(s.stationId()), s.name(), s.kind().name(), s.district(), s.capacity(),
              event.occurredAt()));
        })
        // Edits carry every detail; events of one station arrive in order on its partition.
        .on(StationUpdated.TYPE, event -> {
          StationUpdated s = event.data();
          return stations.find(UUID.fromString(s.stationId()))
              .map(known -> new KnownStation(known.id(), s.name(), s.kind().name(), s.district(), s.capacity(),
                  known.registeredAt()))
              .flatMap(stations::save);
        })
        .build();
  }
}
