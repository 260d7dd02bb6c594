package io.yizhan.visit.stations.messaging;

import io.yizhan.contracts.MalformedEventException;
import io.yizhan.contracts.station.Hours;
import io.yizhan.contracts.station.StationHoursChanged;
import io.yizhan.contracts.station.StationRegistered;
import io.yizhan.contracts.station.StationStatusChanged;
import io.yizhan.contracts.station.StationUpdated;
import io.yizhan.hours.HoursConversion;
import io.yizhan.hours.OpeningHours;
import io.yizhan.support.kafka.EventConsumers;
import io.yizhan.visit.stations.KnownStation;
import io.yizhan.visit.stations.KnownStations;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps {@link KnownStations} in step with station.events.v1 (binding {@code stationEvents}).
 * Events of one station arrive in order on its partition, so each simply overwrites.
 */
@Configuration(proxyBeanMethods = false)
class StationReplicaConsumer {

  @Bean
  Consumer<Message<byte[]>> stationEvents(KnownStations stations, EventConsumers consumers) {
    return consumers.named("station-replica")
        .on(StationRegistered.TYPE, event -> {
          StationRegistered s = event.data();
          return stations.save(new KnownStation(
              UUID.fromString(s.stationId()), s.name(), s.kind().name(), s.district(), s.capacity(),
              event.occurredAt(), s.status() == null ? "ACTIVE" : s.status().name(), hours(s.hours())));
        })
        .on(StationUpdated.TYPE, event -> {
          StationUpdated s = event.data();
          return stations.find(UUID.fromString(s.stationId()))
              .map(known -> new KnownStation(known.id(), s.name(), s.kind().name(), s.district(), s.capacity(),
                  known.registeredAt(), known.status(), known.hours()))
              .flatMap(stations::save);
        })
        .on(StationHoursChanged.TYPE, event -> stations.find(UUID.fromString(event.data().stationId()))
            .map(known -> known.withHours(hours(event.data().hours())))
            .flatMap(stations::save))
        .on(StationStatusChanged.TYPE, event -> stations.find(UUID.fromString(event.data().stationId()))
            .map(known -> known.withStatus(event.data().to().name()))
            .flatMap(stations::save))
        .build();
  }

  private static @Nullable OpeningHours hours(@Nullable Hours wire) {
    if (wire == null) {
      return null;
    }
    StringBuilder problems = new StringBuilder();
    OpeningHours hours = HoursConversion.read(wire, "hours", (field, message) -> problems.append(field).append(": ")
        .append(message).append("; "));
    if (hours == null) {
      throw new MalformedEventException("unreadable hours: " + problems);
    }
    return hours;
  }
}
